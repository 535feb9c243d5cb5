package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/** {@link ProcessOutline} reads from every bundled model what the BPMN model API finds in it. */
class ProcessOutlineTest {

    @Test
    void everyBundledProcessHasTheTasksAndCallsTheModelApiFinds() {
        Map<String, ProcessOutline> outlines = ProcessOutline.bundled();
        Map<String, ProcessOutline> expected = new LinkedHashMap<>();
        EveryStepHasATimeLimitTest.models().values().forEach(model -> outlinesByModelApi(model).forEach(o -> expected.put(o.key(), o)));

        assertThat(outlines.keySet()).hasSizeGreaterThanOrEqualTo(11).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, process) -> {
            ProcessOutline read = outlines.get(key);
            assertThat(sorted(read.userTasks())).as(key + " user tasks").isEqualTo(sorted(process.userTasks()));
            assertThat(sorted(read.unitSteps())).as(key + " units' steps").isEqualTo(sorted(process.unitSteps()));
            assertThat(sorted(read.calledProcesses())).as(key + " calls").isEqualTo(sorted(process.calledProcesses()));
        });
        assertThat(outlines.get("m1-order-reward").calledProcesses()).contains("review-chain");
        assertThat(outlines.get("review-chain").unitSteps()).contains("Task_LocalityVerification", "Task_CityReview");
    }

    @Test
    void aTaskInASubProcessBelongsToTheProcessAndOneWithoutGroupsIsNoUnitsStep() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("outer").startEvent()
                .subProcess().embeddedSubProcess().startEvent().userTask("Task_Inner").camundaCandidateGroups("gxj").endEvent()
                .subProcessDone()
                .userTask("Task_Applicant").camundaAssignee("${applicant}")
                .callActivity("Call").calledElement("inner-process").endEvent().done();

        ProcessOutline outer = ProcessOutline.read(new ByteArrayInputStream(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)),
                "outer.bpmn").get(0);

        assertThat(outer.key()).isEqualTo("outer");
        assertThat(outer.userTasks()).containsExactlyInAnyOrder("Task_Inner", "Task_Applicant");
        assertThat(outer.unitSteps()).containsExactly("Task_Inner");
        assertThat(outer.calledProcesses()).containsExactly("inner-process");
    }

    @Test
    void aModelThatIsNoXmlStopsTheStartNamingIt() {
        assertThatThrownBy(() -> ProcessOutline.read(new ByteArrayInputStream("<definitions><process".getBytes(StandardCharsets.UTF_8)),
                "broken.bpmn")).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.bpmn");
    }

    private static java.util.List<ProcessOutline> outlinesByModelApi(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().map(process -> new ProcessOutline(process.getId(),
                model.getModelElementsByType(UserTask.class).stream().filter(t -> processOf(t) == process).map(UserTask::getId)
                        .collect(Collectors.toSet()),
                model.getModelElementsByType(UserTask.class).stream().filter(t -> processOf(t) == process)
                        .filter(t -> t.getCamundaCandidateGroups() != null && !t.getCamundaCandidateGroups().isBlank())
                        .map(UserTask::getId).collect(Collectors.toSet()),
                model.getModelElementsByType(CallActivity.class).stream().filter(c -> processOf(c) == process)
                        .map(CallActivity::getCalledElement).filter(java.util.Objects::nonNull).collect(Collectors.toSet())))
                .toList();
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static Set<String> sorted(Set<String> ids) {
        return new TreeSet<>(ids);
    }
}
