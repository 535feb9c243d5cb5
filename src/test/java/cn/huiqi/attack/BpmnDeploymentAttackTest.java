package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.DemoAccount;
import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.identity.Groups;
import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuietLoggers;

/**
 * Issue 9 item 1: a BPMN's expressions are code, so only administrators ({@code camunda-admin}) deploy
 * models. Every other account of the quick start (policy staff, auditor, each city bureau and locality,
 * finance, each enterprise) is refused on {@code /engine-rest/deployment/create}, with a BPMN and with a
 * DMN; the rules page's publish path deploys nothing but a DMN of an existing decision key.
 */
@RulesWebTest
class BpmnDeploymentAttackTest {

    private static final String FAMILY = "model-deployment-by-non-admin";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @TempDir
    Path temp;

    private AutoCloseable quiet;

    @BeforeEach
    void quiet() {
        quiet = QuietLoggers.off(QuietLoggers.ENGINE_COMMANDS);
    }

    @AfterEach
    void loud() throws Exception {
        quiet.close();
    }

    @Test
    void everyoneButTheAdministratorIsRefusedOnEngineRestDeploymentCreate() {
        Path marker = temp.resolve("bpmn-marker");
        List<DemoAccount> nonAdmins = DemoAccounts.ALL.stream().filter(a -> !Groups.CAMUNDA_ADMIN.equals(a.groupId())).toList();
        assertThat(nonAdmins).extracting(DemoAccount::groupId)
                .contains(Groups.POLICY_ADMIN, Groups.AUDITOR, Groups.ENTERPRISE, "gxj", "czj", "donghu");

        for (DemoAccount account : nonAdmins) {
            String key = "attack-bpmn-" + account.userId();
            HttpResponse<String> bpmn = EngineRestDeployment.create(port, account.userId(), DemoAccounts.PASSWORD, key, key + ".bpmn",
                    scriptedProcess(key, marker));
            refused(account.userId() + " deploys a BPMN", bpmn, key);

            String dmnKey = "attack-dmn-by-" + account.userId();
            HttpResponse<String> dmn = EngineRestDeployment.create(port, account.userId(), DemoAccounts.PASSWORD, dmnKey, dmnKey + ".dmn",
                    NonFeelDmn.standalone(dmnKey));
            refused(account.userId() + " deploys a (FEEL) DMN", dmn, dmnKey);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void theAdministratorDeploysBpmn() {
        // the control: deploying a process is the administrator's right (and the same as deploying code)
        String key = "attack-bpmn-admin-control";
        JsonNode deployment = HttpApi.expect(200, EngineRestDeployment.create(port, "admin", DemoAccounts.PASSWORD, key, key + ".bpmn",
                Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().endEvent().done())));
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment.get("id").asText(), true);
        }
    }

    @Test
    void theRulesPagePublishesOnlyADmnOfAnExistingDecision() {
        HttpApi staff = HttpApi.as(port, "policy-staff", DemoAccounts.PASSWORD);
        long deployments = repositoryService.createDeploymentQuery().count();
        String bpmn = scriptedProcess("attack-rules-bpmn", temp.resolve("rules-marker"));
        String token = UUID.randomUUID().toString();

        // a BPMN as the draft of an existing table: not DMN, so no what-if token can exist for it
        attempt("rules what-if of a BPMN", staff.post("/api/rules/order-reward/what-if", toJson(Map.of("xml", bpmn))), 400);
        attempt("rules publish of a BPMN", staff.post("/api/rules/order-reward/publish", toJson(Map.of("xml", bpmn, "note", "x",
                "whatIfToken", token))), 409);
        // a process key, a made-up key, a resource-name trick: no such decision
        for (String key : List.of("m1-order-reward", "review-chain", "attack-new-key", "order-reward.bpmn")) {
            attempt("rules publish to '" + key + "'", staff.post("/api/rules/" + key + "/publish", toJson(Map.of(
                    "xml", NonFeelDmn.standalone(key), "note", "x", "whatIfToken", token))), 404);
            attempt("rules what-if of '" + key + "'", staff.post("/api/rules/" + key + "/what-if", toJson(Map.of(
                    "xml", NonFeelDmn.standalone(key)))), 404);
        }
        // a DMN that adds a new decision under an existing key
        String current = staff.getJson("/api/rules/order-reward").get("xml").asText();
        String extra = current.replace("</definitions>", NonFeelDmn.standalone("attack-extra").replaceAll("(?s)^.*?(<decision )", "$1")
                .replaceAll("(?s)</definitions>.*$", "") + "</definitions>");
        attempt("rules what-if adding a decision", staff.post("/api/rules/order-reward/what-if", toJson(Map.of("xml", extra))), 400);

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("attack-rules-bpmn").count()).isZero();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("attack-extra").count()).isZero();
    }

    private void refused(String what, HttpResponse<String> response, String key) {
        boolean refused = response.statusCode() == 403
                && repositoryService.createDeploymentQuery().deploymentName(key).count() == 0;
        AttackLedger.record(FAMILY, refused, what + " → " + response.statusCode());
        assertThat(refused).as(what + ": " + response.statusCode() + " " + response.body()).isTrue();
        JsonNode body = HttpApi.json(response);
        assertThat(body.get("type").asText()).isEqualTo("Forbidden");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    private static void attempt(String what, HttpResponse<String> response, int expected) {
        boolean refused = response.statusCode() == expected;
        AttackLedger.record(FAMILY, refused, what + " → " + response.statusCode());
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(expected);
    }

    /** A process whose service task runs {@code touch marker} through JUEL, the way a BPMN carries code. */
    private static String scriptedProcess(String key, Path marker) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("run").camundaExpression("${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
                        + ".invoke(null).exec(\"touch " + marker + "\")}")
                .endEvent().done());
    }
}
