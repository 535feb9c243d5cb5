package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Issue 19 item 3: every user task of every process the application deploys has its time on the working-day clock, for
 * every measure whose cases reach it — measures 1-3, 5-7 and every measure added later (measure 8's process is covered
 * as soon as its declaration names it): a limit in {@code huiqi.time-limits.steps} or from the measure's own
 * {@link StepLimits}; or, for the applicant's own tasks, the 补正 deadline ({@code supplement.pauses}) or a deadline
 * of the model's own (an interrupting timer on the task, e.g. measure 7's 回访 silence). Unlike {@code TimeLimitSetup}
 * (units' steps only, at start), this reads the running application's configuration and beans and also counts the
 * applicant's tasks and processes no measure reaches.
 */
class EveryStepHasATimeLimitTest extends ProcessTestSupport {

    @Autowired
    MeasureCatalogue catalogue;
    @Autowired
    TimeLimitProperties properties;
    @Autowired
    List<StepLimits> measureLimits;

    @Test
    void everyUserTaskOfEveryDeployedProcessHasItsTimeForEveryMeasureReachingIt() {
        Map<String, Set<String>> checked = new TreeMap<>();
        List<String> problems = stepsWithoutTime(models(), catalogue.all(), properties, own(), checked);

        assertThat(problems).isEmpty();
        // the new measures are among those checked, each with its steps (and any measure with a process of its own)
        assertThat(checked).containsKeys("M1", "M2", "M3", "M5", "M6", "M7");
        assertThat(checked.get("M5")).contains("Task_CloseDataEntry", "Task_Propose", "Task_CheckProposal", "Task_CityApproval",
                "Task_HandleReviewRequests", "Task_ConfirmPayments");
        assertThat(checked.get("M6")).contains("Task_SafetyVetoCheck");
        assertThat(checked.get("M7")).contains("Task_Accept", "Task_Handle", "Task_ProvideInfo", "Task_Revisit", "Task_Supervise");
        catalogue.all().stream().filter(m -> !m.processKeys().isEmpty())
                .forEach(m -> assertThat(checked).as(m.id() + " has processes: its steps are checked").containsKey(m.id()));
    }

    @Test
    void aStepWithoutItsLimitOrAProcessNoMeasureReachesIsNamed() {
        TimeLimitProperties missing = new TimeLimitProperties();
        Map<String, Map<String, Integer>> steps = new LinkedHashMap<>();
        properties.getSteps().forEach((measure, limits) -> steps.put(measure, new LinkedHashMap<>(limits)));
        steps.get("M5").remove("Task_Propose");
        missing.setSteps(steps);
        missing.getSupplement().getPauses().putAll(properties.getSupplement().getPauses());

        assertThat(stepsWithoutTime(models(), catalogue.all(), missing, own(), new TreeMap<>()))
                .singleElement().asString().contains("M5").contains("Task_Propose").contains("evaluation-round");

        Map<String, BpmnModelInstance> withAnOrphan = new LinkedHashMap<>(models());
        withAnOrphan.put("orphan.bpmn", Bpmn.createExecutableProcess("orphan-process").startEvent()
                .userTask("Task_Orphan").camundaCandidateGroups("gxj").endEvent().done());
        List<String> problems = stepsWithoutTime(withAnOrphan, catalogue.all(), properties, own(), new TreeMap<>());
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).contains("Task_Orphan"));
    }

    /** Every model the application deploys ({@code bpmn/}), by resource name, read with the BPMN model API (timers too). */
    static Map<String, BpmnModelInstance> models() {
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    models.put(resource.getFilename(), Bpmn.readModelFromStream(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }

    private Map<String, Set<String>> own() {
        Map<String, Set<String>> own = new LinkedHashMap<>();
        measureLimits.forEach(l -> own.computeIfAbsent(l.measure(), m -> new TreeSet<>()).addAll(l.steps()));
        return own;
    }

    /**
     * The user tasks without time, as "measure process task" lines; {@code checked} collects, per measure, the tasks
     * looked at. A process no measure's processes reach counts for every paying measure (the fund's settlement); when
     * no measure counts it, each of its user tasks is a problem.
     */
    static List<String> stepsWithoutTime(Map<String, BpmnModelInstance> models, List<Measure> measures, TimeLimitProperties properties,
                                         Map<String, Set<String>> own, Map<String, Set<String>> checked) {
        Map<String, Process> processes = new LinkedHashMap<>();
        models.values().forEach(model -> model.getModelElementsByType(Process.class).forEach(p -> processes.put(p.getId(), p)));
        Set<String> reachedByAMeasure = new HashSet<>();
        Map<String, Set<String>> reached = new LinkedHashMap<>();
        for (Measure measure : measures) {
            Set<String> keys = reachable(measure.processKeys(), processes);
            reached.put(measure.id(), keys);
            reachedByAMeasure.addAll(keys);
        }
        Set<String> counted = new HashSet<>(reachedByAMeasure);
        List<String> problems = new ArrayList<>();
        for (Measure measure : measures) {
            if (measure.processKeys().isEmpty()) {
                continue;
            }
            Set<String> keys = new TreeSet<>(reached.get(measure.id()));
            if (measure.paysMoney()) {
                processes.keySet().stream().filter(k -> !reachedByAMeasure.contains(k)).forEach(keys::add);
            }
            counted.addAll(keys);
            Set<String> limited = new HashSet<>(properties.getSteps().getOrDefault(measure.id(), Map.of()).keySet());
            limited.addAll(own.getOrDefault(measure.id(), Set.of()));
            for (String key : keys) {
                Process process = processes.get(key);
                if (process == null) {
                    problems.add(measure.id() + " " + key + ": a process the measure names or calls is not deployed");
                    continue;
                }
                for (UserTask task : userTasks(process)) {
                    checked.computeIfAbsent(measure.id(), m -> new TreeSet<>()).add(task.getId());
                    boolean timed = limited.contains(task.getId()) || properties.getSupplement().getPauses().containsKey(task.getId())
                            || hasDeadlineOfItsOwn(task);
                    if (!timed) {
                        problems.add(measure.id() + " " + key + " " + task.getId() + ": no time limit on the working-day clock");
                    }
                }
            }
        }
        processes.forEach((key, process) -> {
            if (!counted.contains(key)) {
                userTasks(process).forEach(task -> problems.add(key + " " + task.getId() + ": no measure reaches this process, so no limit applies"));
            }
        });
        return problems;
    }

    private static List<UserTask> userTasks(Process process) {
        return process.getModelInstance().getModelElementsByType(UserTask.class).stream().filter(t -> processOf(t) == process).toList();
    }

    /** An interrupting timer on the task: the model ends the task at a deadline of its own. */
    private static boolean hasDeadlineOfItsOwn(UserTask task) {
        return task.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                .anyMatch(b -> b.getAttachedTo() == task && b.cancelActivity()
                        && b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition));
    }

    private static Set<String> reachable(List<String> starts, Map<String, Process> processes) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            String key = todo.pop();
            Process process = processes.get(key);
            if (!seen.add(key) || process == null) {
                continue;
            }
            process.getModelInstance().getModelElementsByType(CallActivity.class).stream()
                    .filter(call -> processOf(call) == process && call.getCalledElement() != null)
                    .forEach(call -> todo.push(call.getCalledElement()));
        }
        return seen;
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
