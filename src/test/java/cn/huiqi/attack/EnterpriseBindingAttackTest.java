package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.identity.IdentityIntegrationTest;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 9, item 5: only existing enterprise-only accounts are bound to an enterprise; a person acting for
 * several enterprises does so through a recorded authorisation (经办人授权) per enterprise that the
 * enterprise's own account grants and revokes, effective at once.
 */
@IdentityIntegrationTest
class EnterpriseBindingAttackTest {

    private static final String AGENT = "agent-finance";
    private static final String MIXED = "ent-and-gxj";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    private long hongdu;
    private long jixiang;

    @BeforeEach
    void people() {
        hongdu = enterpriseId("91360102MA35HQ1D2F");
        jixiang = enterpriseId("91360111MA38GK7X58");
        TestUsers.person(identityService, AGENT, "enterprise", DemoAccounts.PASSWORD);
        TestUsers.person(identityService, MIXED, "enterprise", DemoAccounts.PASSWORD);
        if (identityService.createGroupQuery().groupMember(MIXED).groupId("gxj").count() == 0) {
            identityService.createMembership(MIXED, "gxj");
        }
    }

    @Test
    void onlyExistingEnterpriseOnlyAccountsCanBeBound() {
        RawHttp policy = http("policy-staff");
        for (String userId : List.of("\"policy-staff\"", "\"gxj-reviewer\"", "\"donghu-verifier\"", "\"admin\"", "\"audit-staff\"",
                "\"" + MIXED + "\"", "\"no-such-user\"", "\"1e+308\"", "1e+308", "1e400", "\"\"", "null", "\"ent-x\\u0000\"",
                "\"../admin\"", "\"" + "a".repeat(65) + "\"")) {
            RawHttp.Response response = policy.json("POST", "/api/enterprises/" + hongdu + "/users", "{\"userId\":" + userId + "}");
            boolean refused = response.status() == 400 && response.body().contains("\"field\":\"userId\"");
            AttackLedger.record("enterprise-binding", refused, "bind " + userId + " → " + response);
            assertThat(refused).as("binding %s: %s", userId, response).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_user WHERE user_id IN "
                + "('policy-staff','gxj-reviewer','donghu-verifier','admin','audit-staff','" + MIXED + "','no-such-user','1e+308')",
                Integer.class)).isZero();

        TestUsers.person(identityService, "ent-new-login", "enterprise", DemoAccounts.PASSWORD);
        RawHttp.Response bound = policy.json("POST", "/api/enterprises/" + hongdu + "/users", "{\"userId\":\"ent-new-login\"}");
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
    }

    @Test
    void anAgentActsOnlyThroughARecordedAuthorisationThatTheEnterpriseRevokesAtOnce() {
        RawHttp agent = http(AGENT);
        RawHttp owner = http("ent-hongdu");
        String jixiangCase = apply(http("ent-jixiang"), null, "HT-JX-" + System.nanoTime()).path("caseNumber").asText();

        // without an authorisation: neither apply nor read
        refused("agent-authorisation", "agent applies for hongdu unauthorised", 400,
                agent.json("POST", "/api/m1/applications", application(hongdu, "HT-AG-0"), key()));
        refused("agent-authorisation", "agent applies naming no enterprise", 400,
                agent.json("POST", "/api/m1/applications", application(null, "HT-AG-0"), key()));
        refused("agent-authorisation", "agent reads jixiang's case", 403, agent.get("/api/cases/" + jixiangCase));

        // only the enterprise's own account grants, and only to an enterprise-only account
        for (String granter : List.of("ent-jixiang", "policy-staff", "admin", "gxj-reviewer", AGENT)) {
            refused("agent-authorisation", granter + " grants for hongdu", 403, http(granter).json("POST",
                    "/api/enterprises/" + hongdu + "/agents", "{\"userId\":\"" + AGENT + "\"}"));
        }
        for (String target : List.of("gxj-reviewer", "policy-staff", MIXED, "no-such-user", "1e+308")) {
            refused("agent-authorisation", "hongdu authorises " + target, 400,
                    owner.json("POST", "/api/enterprises/" + hongdu + "/agents", "{\"userId\":\"" + target + "\"}"));
        }
        refused("agent-authorisation", "authorisation ending yesterday", 400, owner.json("POST",
                "/api/enterprises/" + hongdu + "/agents", "{\"userId\":\"" + AGENT + "\",\"validUntil\":\"2020-01-01\"}"));
        refused("agent-authorisation", "authorisation ending in year 10000", 400, owner.json("POST",
                "/api/enterprises/" + hongdu + "/agents", "{\"userId\":\"" + AGENT + "\",\"validUntil\":\"+10000-01-01\"}"));

        RawHttp.Response granted = owner.json("POST", "/api/enterprises/" + hongdu + "/agents",
                "{\"userId\":\"" + AGENT + "\",\"validUntil\":\"2099-12-31\"}");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().path("grantedBy").asText()).isEqualTo("ent-hongdu");
        assertThat(granted.json().path("scope").asText()).isEqualTo("APPLY_AND_SUPPLEMENT");
        refused("agent-authorisation", "the same authorisation twice", 409, owner.json("POST",
                "/api/enterprises/" + hongdu + "/agents", "{\"userId\":\"" + AGENT + "\"}"));

        // authorised for hongdu: applies for hongdu by naming it, still nothing for jixiang
        JsonNode agentCase = apply(agent, hongdu, "HT-AG-" + System.nanoTime());
        String caseNumber = agentCase.path("caseNumber").asText();
        assertThat(agentCase.path("enterprise").path("uscc").asText()).isEqualTo("91360102MA35HQ1D2F");
        assertThat(jdbc.queryForObject("SELECT submitted_by FROM case_record WHERE case_number = ?", String.class, caseNumber))
                .isEqualTo(AGENT);
        refused("agent-authorisation", "authorised agent applies for jixiang", 400,
                agent.json("POST", "/api/m1/applications", application(jixiang, "HT-AG-JX"), key()));
        refused("agent-authorisation", "authorised agent reads jixiang's case", 403, agent.get("/api/cases/" + jixiangCase));
        assertThat(agent.get("/api/cases/" + caseNumber).status()).isEqualTo(200);
        assertThat(http(AGENT).get("/api/enterprises").json().get("items")).extracting(e -> e.path("id").asLong()).containsExactly(hongdu);

        // the locality sends the case back: the supplement is the agent's
        Task verification = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_LocalityVerification").singleResult();
        TestUsers.as(identityService, "donghu-verifier", () -> {
            taskService.complete(verification.getId(), Map.of("decision", "sendBack", "comment", "请补充合同原件"));
            return null;
        });
        assertThat(supplementTask(caseNumber).getAssignee()).isEqualTo(AGENT);

        // revoked: recorded, and at once the agent can neither read nor apply; its supplement goes to the enterprise
        RawHttp.Response revoked = owner.send("DELETE", "/api/enterprises/" + hongdu + "/agents/" + AGENT, null, null, Map.of());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("ent-hongdu");
        assertThat(revoked.json().path("revokedAt").isMissingNode()).isFalse();
        refused("agent-authorisation", "revoked agent reads the case it submitted", 403, agent.get("/api/cases/" + caseNumber));
        refused("agent-authorisation", "revoked agent applies for hongdu", 400,
                agent.json("POST", "/api/m1/applications", application(hongdu, "HT-AG-LATE"), key()));
        assertThat(supplementTask(caseNumber).getAssignee()).isEqualTo("ent-hongdu");
        assertThat(http(AGENT).get("/api/enterprises").json().get("items")).isEmpty();

        // the enterprise supplements; a later send-back goes to the enterprise too, never to the revoked agent
        Task supplement = supplementTask(caseNumber);
        TestUsers.as(identityService, "ent-hongdu", () -> {
            taskService.complete(supplement.getId(), Map.of("supplementNote", "已补充合同原件"));
            return null;
        });
        Task again = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_LocalityVerification").singleResult();
        TestUsers.as(identityService, "donghu-verifier", () -> {
            taskService.complete(again.getId(), Map.of("decision", "sendBack", "comment", "请补充发货单"));
            return null;
        });
        assertThat(supplementTask(caseNumber).getAssignee()).isEqualTo("ent-hongdu");

        JsonNode record = owner.get("/api/enterprises/" + hongdu + "/agents").json();
        assertThat(record).anySatisfy(a -> {
            assertThat(a.path("userId").asText()).isEqualTo(AGENT);
            assertThat(a.path("grantedBy").asText()).isEqualTo("ent-hongdu");
            assertThat(a.path("revokedBy").asText()).isEqualTo("ent-hongdu");
        });
        refused("agent-authorisation", "another enterprise reads hongdu's authorisations", 403,
                http("ent-jixiang").get("/api/enterprises/" + hongdu + "/agents"));
    }

    private Task supplementTask(String caseNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_LocalitySupplement")
                .singleResult();
    }

    private static void refused(String family, String what, int status, RawHttp.Response response) {
        boolean refused = response.status() == status && response.body().contains("\"zh\"");
        AttackLedger.record(family, refused, what + " → " + response);
        assertThat(refused).as("%s: %s", what, response).isTrue();
    }

    private JsonNode apply(RawHttp as, Long enterpriseId, String contract) {
        RawHttp.Response response = as.json("POST", "/api/m1/applications", application(enterpriseId, contract), key());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static String application(Long enterpriseId, String contract) {
        return "{\"orders\":[{\"counterparty\":\"上海某某贸易有限公司\",\"contractNumber\":\"" + contract + "\",\"signingDate\":\"2023-08-15\","
                + "\"orderAmount\":\"60000000.00\",\"executionEvidence\":\"合同及发票\"}]"
                + (enterpriseId == null ? "" : ",\"enterpriseId\":" + enterpriseId) + "}";
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", "agent-" + System.nanoTime());
    }

    private RawHttp http(String user) {
        return RawHttp.as(port, user, DemoAccounts.PASSWORD);
    }

    private long enterpriseId(String uscc) {
        return jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
    }
}
