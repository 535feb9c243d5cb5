package cn.huiqi.testsupport;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.huiqi.casefile.CaseEventRepository;
import cn.huiqi.casefile.RewardCase;
import cn.huiqi.casefile.RewardCaseRepository;

/**
 * Starts and drives cases as the demo users of the quick start would, through the engine's Java API,
 * on one shared in-memory H2 application context (job executor off: tests run timers themselves).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:processes;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
public abstract class ProcessTestSupport {

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected RewardCaseRepository cases;
    @Autowired
    protected CaseEventRepository events;

    @BeforeEach
    void initAssertions() {
        init(processEngine);
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    protected ProcessInstance apply(String enterpriseUser, String processKey, Map<String, Object> form) {
        return as(enterpriseUser, () -> runtimeService.startProcessInstanceByKey(processKey, form));
    }

    protected <T> T as(String userId, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    protected void completeAs(String userId, Task task, Map<String, Object> variables) {
        as(userId, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** The shared review chain (call activity) of a measure's case, while it runs. */
    protected ProcessInstance review(ProcessInstance instance) {
        ProcessInstance chain = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        if (chain == null) {
            throw new AssertionError("case " + instance.getBusinessKey() + " is not in review");
        }
        return chain;
    }

    /** Tasks of a case, in whichever process instance of the case they are (business key = case number). */
    protected Task taskFor(ProcessInstance instance, String activityId, String candidateGroup) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseOf(instance).getCaseNumber())
                .taskDefinitionKey(activityId).taskCandidateGroup(candidateGroup).singleResult();
    }

    protected Task singleTask(ProcessInstance instance, String activityId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseOf(instance).getCaseNumber())
                .taskDefinitionKey(activityId).singleResult();
    }

    protected RewardCase caseOf(ProcessInstance instance) {
        return cases.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    protected List<String> timelineActions(ProcessInstance instance) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(caseOf(instance).getId()).stream().map(e -> e.getAction()).toList();
    }

    protected static Map<String, Object> decision(String decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("comment", comment);
        return variables;
    }
}
