package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuietLoggers;

/**
 * Issue 9 item 1: a DMN naming any expression language but FEEL (the JUEL payload, groovy,
 * javascript, python, …, in an input expression, an entry, the definitions' default, a literal-expression
 * decision) is refused on every path: the rules API as policy staff (validate, what-if, publish, before
 * anything is evaluated), {@code /engine-rest/deployment/create} as the administrator, and the engine's
 * deployment API that {@code ModelDeployment} uses. The payload never creates its marker file.
 */
@RulesWebTest
class DmnExpressionLanguageAttackTest {

    private static final String FAMILY = "dmn-expression-language";
    private static final String KEY = "order-reward";

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
    void theRulesApiRefusesEveryNonFeelDraftBeforeEvaluatingIt() {
        Path marker = temp.resolve("rules-api-marker");
        HttpApi staff = HttpApi.as(port, "policy-staff", DemoAccounts.PASSWORD);
        JsonNode current = staff.getJson("/api/rules/" + KEY);
        int inForce = current.get("decision").get("current").get("version").asInt();
        List<NonFeelDmn.Variant> variants = NonFeelDmn.of(current.get("xml").asText(), marker);

        for (NonFeelDmn.Variant variant : variants) {
            refusedWithFeelMessage("rules validate: " + variant, staff.post("/api/rules/" + KEY + "/validate", toJson(Map.of("xml", variant.xml()))));
            refusedWithFeelMessage("rules what-if: " + variant, staff.post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", variant.xml()))));
            refusedWithFeelMessage("rules publish: " + variant, staff.post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", variant.xml(),
                    "note", "攻击", "whatIfToken", UUID.randomUUID().toString()))));
        }

        assertThat(staff.getJson("/api/rules/" + KEY).get("decision").get("current").get("version").asInt()).isEqualTo(inForce);
        assertThat(marker).doesNotExist();
    }

    @Test
    void theRulesApiNamesTheCell() {
        HttpApi staff = HttpApi.as(port, "policy-staff", DemoAccounts.PASSWORD);
        String xml = staff.getJson("/api/rules/" + KEY).get("xml").asText();
        String juelInput = NonFeelDmn.addAttribute(xml, "<inputExpression", "expressionLanguage", "juel");

        JsonNode refused = HttpApi.expect(400, staff.post("/api/rules/" + KEY + "/validate", toJson(Map.of("xml", juelInput))));
        JsonNode problem = refused.get("errors").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("order-reward.inputs.input-earliest-signing-date"); // the first input column
        assertThat(problem.get("zh").asText()).contains("juel").contains("只接受 FEEL");
        assertThat(problem.get("en").asText()).contains("juel").contains("only FEEL");
    }

    @Test
    void theAdministratorCannotDeployANonFeelDmnThroughEngineRest() {
        Path marker = temp.resolve("engine-rest-marker");
        int n = 0;
        for (NonFeelDmn.Variant variant : NonFeelDmn.of(NonFeelDmn.standalone("attack-dmn"), marker)) {
            String key = "attack-dmn-" + (++n);
            String xml = variant.xml().replace("attack-dmn", key);
            HttpResponse<String> response = EngineRestDeployment.create(port, "admin", DemoAccounts.PASSWORD, "attack-" + key, key + ".dmn", xml);
            boolean refused = response.statusCode() == 400
                    && repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() == 0
                    && repositoryService.createDeploymentQuery().deploymentName("attack-" + key).count() == 0;
            AttackLedger.record(FAMILY, refused, "engine-rest deployment by admin: " + variant + " → " + response.statusCode());
            assertThat(refused).as(variant + ": " + response.body()).isTrue();
            JsonNode body = HttpApi.json(response);
            assertThat(body.get("type").asText()).isEqualTo("InvalidRequest");
            assertThat(body.get("message").asText()).as(variant.name()).contains("FEEL");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void theEnginesOwnDeploymentApiRefusesThemToo() {
        // the path of ModelDeployment, RuleRepository and any embedded caller: the engine's transform listener
        Path marker = temp.resolve("repository-marker");
        int n = 0;
        for (NonFeelDmn.Variant variant : NonFeelDmn.of(NonFeelDmn.standalone("attack-repo"), marker)) {
            String key = "attack-repo-" + (++n);
            String xml = variant.xml().replace("attack-repo", key);
            Throwable thrown = null;
            try {
                repositoryService.createDeployment().name("attack-" + key).addString(key + ".dmn", xml).deploy();
            } catch (RuntimeException e) {
                thrown = e;
            }
            boolean refused = thrown != null && repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() == 0;
            AttackLedger.record(FAMILY, refused, "RepositoryService deployment: " + variant);
            assertThat(refused).as(variant.name()).isTrue();
            assertThat(thrown).hasRootCauseInstanceOf(InvalidInputException.class);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void feelInEverySpellingStillDeploysThroughEngineRest() {
        // the control: the check refuses languages, not DMN
        String key = "attack-feel-control";
        String xml = NonFeelDmn.addAttribute(NonFeelDmn.addAttribute(NonFeelDmn.addAttribute(NonFeelDmn.standalone(key),
                        "<definitions", "expressionLanguage", "https://www.omg.org/spec/DMN/20191111/FEEL/"),
                "<inputExpression", "expressionLanguage", "FEEL"), "<outputEntry", "expressionLanguage", "feel");
        HttpResponse<String> response = EngineRestDeployment.create(port, "admin", DemoAccounts.PASSWORD, key, key + ".dmn", xml);
        JsonNode deployment = HttpApi.expect(200, response);
        try {
            assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment.get("id").asText(), true);
        }
        assertThatThrownBy(() -> repositoryService.createDeployment().addString("x.dmn",
                NonFeelDmn.addAttribute(NonFeelDmn.standalone("attack-x"), "<inputEntry", "expressionLanguage", "python")).deploy())
                .hasRootCauseInstanceOf(InvalidInputException.class);
    }

    private static void refusedWithFeelMessage(String what, HttpResponse<String> response) {
        boolean refused = response.statusCode() == 400 && response.body().contains("FEEL");
        AttackLedger.record(FAMILY, refused, what + " → " + response.statusCode());
        assertThat(refused).as(what + ": " + response.statusCode() + " " + response.body()).isTrue();
    }
}
