package cn.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.workflow.TaskContract;

/**
 * Every gxj step of the evaluation processes has its Camunda Form (bpmn/forms/evaluation-*.form, deployed with the
 * BPMN): what it lets gxj submit is exactly what the step's task contract accepts, and its outcome choices are
 * exactly the ones EvaluationStep accepts.
 */
class EvaluationFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachGxjStepHasAFormThatSubmitsOnlyItsContractsFieldsAndItsStepsOutcomes() throws IOException {
        List<TaskContract> contracts = new EvaluationTaskContracts().taskContracts();
        List<String> checked = new ArrayList<>();
        for (String file : List.of("bpmn/evaluation-round.bpmn", "bpmn/m6-contribution-evaluation.bpmn")) {
            for (UserTask task : Bpmn.readModelFromFile(Path.of(file).toFile()).getModelElementsByType(UserTask.class)) {
                String step = task.getId();
                TaskContract contract = contracts.stream().filter(c -> c.activityId().equals(step)).findFirst().orElseThrow();
                assertThat(task.getCamundaFormRef()).as(step + "'s form").isNotNull();
                assertThat(task.getCamundaFormRefBinding()).as(step).isEqualTo("deployment");
                JsonNode form = JSON.readTree(Path.of("bpmn/forms", task.getCamundaFormRef() + ".form").toFile());
                assertThat(form.get("id").asText()).isEqualTo(task.getCamundaFormRef());
                assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);

                Map<String, JsonNode> submitted = new java.util.TreeMap<>();
                submittedFields(form.get("components"), submitted);
                assertThat(submitted.keySet()).as(step + " submits only what its contract accepts").isSubsetOf(contract.writableFields());
                List<String> outcomes = EvaluationStep.OUTCOMES.get(step);
                if (outcomes == null) {
                    assertThat(submitted).as(step + " takes no outcome").doesNotContainKey("outcome");
                } else {
                    JsonNode outcome = submitted.get("outcome");
                    assertThat(outcome).as(step + "'s outcome").isNotNull();
                    assertThat(outcome.at("/validate/required").asBoolean()).as(step + "'s outcome required").isTrue();
                    Set<String> offered = new TreeSet<>();
                    outcome.get("values").forEach(v -> {
                        offered.add(v.get("value").asText());
                        assertThat(v.get("label").asText()).as("Chinese first, then English").matches("\\p{IsHan}.* / [A-Z].*");
                    });
                    assertThat(offered).as(step + "'s outcomes").isEqualTo(new TreeSet<>(outcomes));
                }
                submitted.values().forEach(field -> assertThat(field.has("label") ? field.get("label").asText() : field.get("dateLabel").asText())
                        .as("Chinese first, then English").matches("\\p{IsHan}.* / [A-Z].*"));
                checked.add(step);
            }
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(contracts.stream().map(TaskContract::activityId).collect(Collectors.toList()));
    }

    @Test
    void theCityApprovalTakesItsDocumentAndDateAndTheReviewHandlingAlwaysAReason() throws IOException {
        Map<String, JsonNode> approval = new java.util.TreeMap<>();
        submittedFields(JSON.readTree(Path.of("bpmn/forms/evaluation-city-approval.form").toFile()).get("components"), approval);
        assertThat(approval).containsOnlyKeys("outcome", "reason", "documentNumber", "approvalDate");
        assertThat(approval.get("approvalDate").get("subtype").asText()).isEqualTo("date"); // submitted as yyyy-MM-dd
        Map<String, JsonNode> handling = new java.util.TreeMap<>();
        submittedFields(JSON.readTree(Path.of("bpmn/forms/evaluation-handle-review-requests.form").toFile()).get("components"), handling);
        assertThat(handling.get("reason").at("/validate/required").asBoolean()).isTrue();
        assertThat(Files.readString(Path.of("bpmn/forms/evaluation-propose.form"))).contains("/evaluations.html", "{{evaluationRound}}");
    }

    /** The fields form-js submits: every component with a key that is not disabled (groups searched too). */
    private static void submittedFields(JsonNode components, Map<String, JsonNode> into) {
        for (JsonNode component : components) {
            if (component.has("key") && !component.path("disabled").asBoolean(false)) {
                into.put(component.get("key").asText(), component);
            }
            if (component.has("components")) {
                submittedFields(component.get("components"), into);
            }
        }
    }
}
