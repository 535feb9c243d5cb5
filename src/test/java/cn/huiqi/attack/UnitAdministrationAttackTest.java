package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;

/**
 * Issue 17 item 2: only administrators (camunda-admin) maintain the handling units. Every other role — policy staff,
 * auditors, the units themselves (a handling unit, a liaison), localities, enterprises — is refused (403) adding,
 * renaming or retiring a unit, and so is the administrator's session without the CSRF token; malformed ids, names and
 * flags are refused with a bilingual 400, an id that exists (a unit or a role group) with 409; none of it changes a unit,
 * a group or the audit. The control: the administrator adds, renames and retires a unit, its group follows, each
 * change audited with who and when.
 */
@RulesWebTest
class UnitAdministrationAttackTest {

    static final List<String> OTHER_ROLES = List.of("policy-staff", "audit-staff", "gxj-reviewer", "rsj-handler", "tax-liaison",
            "power-liaison", "szxbm-reviewer", "czj-finance", "donghu-verifier", "ent-hongdu");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    @Test
    void noOtherRoleAndNoSessionWithoutTheTokenChangesAUnit() {
        Snapshot before = snapshot();
        String add = toJson(Map.of("id", "forged-unit", "nameZh", "伪造单位", "nameEn", "Forged unit", "liaison", false));
        String rename = toJson(Map.of("nameZh", "伪造名称", "active", false));
        for (String user : OTHER_ROLES) {
            HttpApi caller = HttpApi.as(port, user, "demo");
            for (HttpResponse<String> answer : List.of(caller.post("/api/units", add), caller.put("/api/units/rsj", rename),
                    caller.put("/api/units/power", toJson(Map.of("liaison", false))))) {
                boolean refused = answer.statusCode() == 403;
                AttackLedger.record("unit-admin-other-role", refused, user + " " + answer.request().method() + " " + answer.request().uri()
                        + ": " + answer.statusCode());
                assertThat(answer.statusCode()).as(user + " " + answer.request().uri()).isEqualTo(403);
            }
            if (!user.equals("audit-staff")) {
                HttpResponse<String> changes = caller.get("/api/units/changes");
                AttackLedger.record("unit-admin-other-role", changes.statusCode() == 403, user + " reads the units' changes: " + changes.statusCode());
                assertThat(changes.statusCode()).isEqualTo(403);
            }
        }
        PageSession admin = new PageSession(port);
        admin.signIn("admin", "demo");
        for (HttpResponse<String> answer : List.of(admin.fetch("POST", "/api/units", add, false),
                admin.fetch("PUT", "/api/units/rsj", rename, false))) {
            AttackLedger.record("session-csrf", answer.statusCode() == 403, answer.request().method() + " " + answer.request().uri()
                    + " with the administrator's session, no token: " + answer.statusCode());
            assertThat(answer.statusCode()).isEqualTo(403);
        }
        HttpResponse<String> anonymous = HttpApi.anonymous(port).post("/api/units", add);
        AttackLedger.record("unit-admin-other-role", anonymous.statusCode() == 401, "anonymous POST: " + anonymous.statusCode());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(snapshot()).isEqualTo(before);
        // the auditor reads the audit
        assertThat(HttpApi.as(port, "audit-staff", "demo").get("/api/units/changes").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedUnitsAndExistingIdsAreRefusedAndChangeNothing() {
        Snapshot before = snapshot();
        HttpApi admin = HttpApi.as(port, "admin", "demo");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Object id : new Object[] {null, "", "Rsj", "r", "1rsj", "rsj_x", "rsj;drop table unit", "r".repeat(32), "人社局", "rsj\n",
                " rsj", "../rsj", 123, true, List.of("rsj")}) {
            bodies.add(unit(id, "测试单位", "Test unit", false));
        }
        bodies.add(unit("ok-unit", null, "Test unit", false));
        bodies.add(unit("ok-unit", "  ", "Test unit", false));
        bodies.add(unit("ok-unit", "测".repeat(65), "Test unit", false));
        bodies.add(unit("ok-unit", "测试\u0000单位", "Test unit", false));
        bodies.add(unit("ok-unit", "测试单位\nUNIT_ADDED user=policy-staff", "Test unit", false));
        bodies.add(unit("ok-unit", "测试单位", null, false));
        bodies.add(unit("ok-unit", "测试单位", "T".repeat(129), false));
        bodies.add(unit("ok-unit", "测试单位", "Test unit", "yes"));
        bodies.add(unit("ok-unit", "测试单位", "Test unit", 1));
        for (Map<String, Object> b : bodies) {
            attempt("unit-admin-bad-input", admin.post("/api/units", toJson(b)), b.toString());
        }
        attempt("unit-admin-bad-input", admin.post("/api/units", "[1, 2]"), "not an object");
        attempt("unit-admin-bad-input", admin.post("/api/units", "{\"id\": "), "truncated JSON");
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of(), Map.of("active", "no"), Map.of("liaison", 0),
                Map.of("nameZh", " "), Map.of("nameEn", "E".repeat(129)), Map.of("nameZh", "人社\u202e局"))) {
            attempt("unit-admin-bad-input", admin.put("/api/units/rsj", toJson(change)), "PUT rsj " + change);
        }
        for (String id : List.of("rsj", "gxj", "donghu", "tax", "auditor", "enterprise", "policy-admin", "camunda-admin")) {
            HttpResponse<String> answer = admin.post("/api/units", toJson(unit(id, "重复单位", "Duplicate", false)));
            boolean refused = answer.statusCode() == 409 && answer.body().contains("\"zh\"") && answer.body().contains("\"en\"");
            AttackLedger.record("unit-admin-existing-id", refused, id + ": " + answer.statusCode() + " " + answer.body());
            assertThat(answer.statusCode()).as(id + ": " + answer.body()).isEqualTo(409);
        }
        // localities and the measures' units follow the policy: not retired here
        for (String policyUnit : List.of("donghu", "gxj", "czj", "szxbm")) {
            HttpResponse<String> answer = admin.put("/api/units/" + policyUnit, toJson(Map.of("active", false, "nameZh", "改名")));
            AttackLedger.record("unit-admin-existing-id", answer.statusCode() == 409, "retire " + policyUnit + ": " + answer.statusCode());
            assertThat(answer.statusCode()).as(policyUnit).isEqualTo(409);
        }
        HttpResponse<String> missing = admin.put("/api/units/no-such-unit", toJson(Map.of("active", false)));
        AttackLedger.record("unit-admin-bad-input", missing.statusCode() == 404, "PUT no-such-unit: " + missing.statusCode());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAdministratorAddsRenamesAndRetiresAUnitItsGroupFollowsAndEachChangeIsAudited() {
        HttpApi admin = HttpApi.as(port, "admin", "demo");
        JsonNode added = HttpApi.expect(201, admin.post("/api/units", toJson(unit("hbj-test", "市测试办理局", "Municipal Test Bureau", true))));
        assertThat(added.get("handling").asBoolean()).isTrue();
        assertThat(added.get("liaison").asBoolean()).isTrue();
        assertThat(added.get("active").asBoolean()).isTrue();
        assertThat(added.get("labelledDefault").asBoolean()).isFalse();
        Group group = identityService.createGroupQuery().groupId("hbj-test").singleResult();
        assertThat(group.getName()).isEqualTo("市测试办理局");

        HttpApi.expect(200, admin.put("/api/units/hbj-test", toJson(Map.of("nameZh", "市测试局", "nameEn", "Municipal Test Office"))));
        assertThat(identityService.createGroupQuery().groupId("hbj-test").singleResult().getName()).isEqualTo("市测试局");
        HttpApi.expect(200, admin.put("/api/units/hbj-test", toJson(Map.of("active", false))));

        JsonNode listed = null;
        for (JsonNode u : admin.getJson("/api/units?handling=true")) {
            assertThat(u.get("handling").asBoolean()).isTrue();
            if (u.get("id").asText().equals("hbj-test")) {
                listed = u;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("nameZh").asText()).isEqualTo("市测试局");
        assertThat(listed.get("active").asBoolean()).isFalse();
        List<String> audit = new ArrayList<>();
        for (JsonNode c : admin.getJson("/api/units/changes")) {
            if (c.get("unitId").asText().equals("hbj-test")) {
                assertThat(c.get("changedBy").asText()).isEqualTo("admin");
                assertThat(c.get("changedAt").asText()).isNotBlank();
                audit.add(c.get("kind").asText() + ":" + c.get("newValue").asText());
            }
        }
        assertThat(audit).containsExactly("CHANGED:市测试局 / Municipal Test Office [联络单位 liaison] [已停用 inactive]",
                "CHANGED:市测试局 / Municipal Test Office [联络单位 liaison]", "ADDED:市测试办理局 / Municipal Test Bureau [联络单位 liaison]");
        // the shipped handling units, with their flags
        Map<String, JsonNode> units = new HashMap<>();
        admin.getJson("/api/units").forEach(u -> units.put(u.get("id").asText(), u));
        assertThat(units.get("rsj").get("liaison").asBoolean()).isFalse();
        assertThat(units.get("tax").get("liaison").asBoolean()).isTrue();
        assertThat(units.get("gas").get("labelledDefault").asBoolean()).isTrue();
        assertThat(units.get("donghu").get("handling").asBoolean()).isFalse();
        assertThat(units.get("gxj").get("handling").asBoolean()).isTrue();
    }

    private void attempt(String family, HttpResponse<String> answer, String what) {
        boolean refused = answer.statusCode() == 400 && answer.body().contains("\"zh\"") && answer.body().contains("\"en\"");
        AttackLedger.record(family, refused, what + ": " + answer.statusCode() + " " + answer.body());
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"zh\"").contains("\"en\"");
    }

    private record Snapshot(String units, long groups, long changes) {
    }

    private Snapshot snapshot() {
        HttpApi admin = HttpApi.as(port, "admin", "demo");
        JsonNode units = admin.getJson("/api/units");
        List<String> rows = new ArrayList<>();
        units.forEach(u -> {
            if (!u.get("id").asText().startsWith("route-test") && !u.get("id").asText().equals("hbj-test")) {
                rows.add(u.toString());
            }
        });
        long changes = 0;
        for (JsonNode c : admin.getJson("/api/units/changes")) {
            String id = c.get("unitId").asText();
            changes += id.startsWith("route-test") || id.equals("hbj-test") ? 0 : 1;
        }
        long groups = identityService.createGroupQuery().list().stream().map(Group::getId)
                .filter(id -> !id.startsWith("route-test") && !id.equals("hbj-test")).count();
        return new Snapshot(String.join("\n", rows), groups, changes);
    }

    private static Map<String, Object> unit(Object id, Object nameZh, Object nameEn, Object liaison) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("nameZh", nameZh);
        body.put("nameEn", nameEn);
        body.put("liaison", liaison);
        return body;
    }
}
