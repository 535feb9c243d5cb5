package cn.huiqi.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.testsupport.QuietLoggers;

/**
 * Every user task and every start form of every BPMN under bpmn/ has a task contract (a step nobody
 * declared fails the build here, and the engine would refuse to deploy it), and the engine refuses a
 * BPMN whose user task has none.
 */
class TaskContractCoverageTest extends ProcessTestSupport {

    @Autowired
    TaskContracts contracts;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyUserTaskAndStartFormUnderBpmnHasAContract() throws IOException {
        List<String> steps = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    steps.add(processOf(task).getId() + "/" + task.getId());
                }
                for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                    if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
                        steps.add(processOf(start).getId() + "/" + start.getId());
                    }
                }
            }
        }
        assertThat(steps).contains("review-chain/Task_CityReview", "m1-order-reward/StartEvent_Applied", "fund-settlement/Task_ConfirmPayments");
        assertThat(steps).allSatisfy(step -> assertThat(contracts.forStep(step.split("/")[0], step.split("/")[1]))
                .as("task contract of " + step).isPresent());
    }

    @Test
    void theEngineRefusesAUserTaskWithoutAContract() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("undeclared-step").camundaHistoryTimeToLive(1)
                .startEvent().userTask("approve").camundaCandidateGroups("gxj").endEvent().done();
        assertThatThrownBy(QuietLoggers.during(() -> repositoryService.createDeployment().addModelInstance("undeclared.bpmn", model)
                .deploy(), "org.camunda.bpm.engine.context"))
                .isInstanceOf(ParseException.class).hasMessageContaining("approve").hasMessageContaining("TaskContract");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("undeclared-step").count()).isZero();
    }

    private static Process processOf(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        var parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
