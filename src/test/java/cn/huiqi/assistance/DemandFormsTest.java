package cn.huiqi.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.workflow.TaskContract;

/**
 * Every user task of {@code m7-assistance-demand} has its Camunda Form (bpmn/forms/m7-*.form, deployed with the BPMN)
 * that submits only what the step's contract accepts, labelled Chinese first, then English.
 */
class DemandFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachStepHasAFormThatSubmitsOnlyItsContractsFields() throws IOException {
        List<TaskContract> contracts = new DemandTaskContracts().taskContracts();
        List<String> checked = new ArrayList<>();
        for (UserTask task : Bpmn.readModelFromFile(Path.of("bpmn/m7-assistance-demand.bpmn").toFile()).getModelElementsByType(UserTask.class)) {
            String step = task.getId();
            TaskContract contract = contracts.stream().filter(c -> c.activityId().equals(step)).findFirst().orElseThrow();
            assertThat(task.getCamundaFormRef()).as(step + "'s form").isNotNull();
            assertThat(task.getCamundaFormRefBinding()).as(step).isEqualTo("deployment");
            JsonNode form = JSON.readTree(Path.of("bpmn/forms", task.getCamundaFormRef() + ".form").toFile());
            assertThat(form.get("id").asText()).isEqualTo(task.getCamundaFormRef());
            assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
            Map<String, JsonNode> submitted = new TreeMap<>();
            form.get("components").forEach(component -> {
                if (component.has("key") && !component.path("disabled").asBoolean(false)) {
                    submitted.put(component.get("key").asText(), component);
                }
            });
            assertThat(submitted.keySet()).as(step + " submits only what its contract accepts").isSubsetOf(contract.writableFields());
            submitted.values().forEach(field -> {
                assertThat(field.get("label").asText()).as("Chinese first, then English").matches("\\p{IsHan}.* / [A-Z].*");
                field.path("values").forEach(v -> assertThat(v.get("label").asText()).matches("\\p{IsHan}.* / [A-Z].*"));
            });
            checked.add(step);
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(contracts.stream().map(TaskContract::activityId).toList());
    }
}
