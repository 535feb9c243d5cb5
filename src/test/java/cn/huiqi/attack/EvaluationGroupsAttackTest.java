package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;

/**
 * Issue 16 (groups pinned per round): the default locality groups (系统默认值) are read by gxj, policy staff and auditors
 * and changed by gxj alone, with a reason, bilingual 400s on unknown units and groups and nothing changed; a round keeps
 * the grouping recorded when it was opened, a round opened after a change is ranked by the new one. On MariaDB.
 */
class EvaluationGroupsAttackTest extends EvaluationPoolsBase {

    static final String PATH = "/api/evaluations/locality-groups";

    @Test
    void onlyGxjChangesTheGroupsAndBadInputChangesNothing() {
        evaluationPeople();
        for (String user : List.of(LOCALITY, OTHER_LOCALITY, TJJ, CZJ, CITY.get("swj"))) {
            int read = api(user).get(PATH).statusCode();
            AttackLedger.record("evaluation-groups", read == 403, user + " reads the groups: " + read);
            assertThat(read).as(user + " reads the groups").isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).get(PATH).statusCode()).isEqualTo(401);
        for (String user : List.of(LOCALITY, TJJ, POLICY, AUDITOR, CZJ)) {
            int put = api(user).put(PATH, toJson(move("wanli", "COUNTY", "试图调整"))).statusCode();
            AttackLedger.record("evaluation-groups", put == 403, user + " changes the groups: " + put);
            assertThat(put).as(user + " changes the groups").isEqualTo(403);
        }
        JsonNode before = expect(200, api(GXJ).get(PATH));
        assertThat(before.get("defaultMark").asText()).contains("系统默认值");
        assertThat(before.get("groups")).hasSize(13);
        assertThat(before.get("appliesZh").asText()).contains("此后开设");
        expect(200, api(POLICY).get(PATH));
        expect(200, api(AUDITOR).get(PATH));

        List<Object> bad = List.of(
                move("nowhere", "COUNTY", "未知单位"),
                move("gxj", "COUNTY", "不是属地"),
                move("wanli", "SUBURB", "未知分组"),
                move("wanli", "county", "小写分组"),
                move("wanli", "COUNTY", " "),
                Map.of("changes", List.of(), "reason", "空的调整"),
                Map.of("changes", List.of(Map.of("unitId", "wanli", "group", "COUNTY"), Map.of("unitId", "wanli", "group", "DISTRICT")), "reason", "重复"),
                Map.of("changes", List.of(Map.of("unitId", "wanli", "group", "COUNTY"), Map.of("unitId", "anyi", "group", "BOGUS")), "reason", "一项有误"),
                Map.of("reason", "没有调整"));
        for (Object body : bad) {
            HttpResponse<String> answer = api(GXJ).put(PATH, toJson(body));
            boolean refused = answer.statusCode() == 400 && answer.body().contains("\"zh\"") && answer.body().contains("\"en\"");
            AttackLedger.record("evaluation-groups", refused, "bad groups " + body + ": " + answer.statusCode());
            assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
        }
        assertThat(api(GXJ).put(PATH, toJson(move("nowhere", "COUNTY", "x"))).body()).contains("nowhere", "不是属地单位", "is not a locality");
        assertThat(api(GXJ).put(PATH, toJson(move("wanli", "SUBURB", "x"))).body()).contains("SUBURB", "不是评价分组", "is no group");
        JsonNode after = expect(200, api(GXJ).get(PATH));
        assertThat(after.get("groups")).isEqualTo(before.get("groups"));
        assertThat(after.get("changes")).isEqualTo(before.get("changes"));
    }

    @Test
    void anOpenedRoundKeepsTheGroupsItWasOpenedWith() {
        evaluationPeople();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-09T02:00:00Z")));
        long opened = openRound("M5", "2023年上半年试验区评价（分组测试）", "2023-01-01", "2023-06-30");
        try {
            JsonNode changed = expect(200, api(GXJ).put(PATH, toJson(move("wanli", "COUNTY", "湾里管理局改与各县同组（测试）"))));
            assertThat(group(changed.get("groups"), "wanli")).isEqualTo("COUNTY");
            JsonNode change = changed.get("changes").get(0);
            assertThat(change.get("unitId").asText()).isEqualTo("wanli");
            assertThat(change.get("oldGroup").asText()).isEqualTo("DISTRICT");
            assertThat(change.get("newGroup").asText()).isEqualTo("COUNTY");
            assertThat(change.get("changedBy").asText()).isEqualTo(GXJ);
            assertThat(change.get("reason").asText()).contains("湾里管理局");

            // the round opened before the change: its view and its ranking keep 湾里 with the districts
            assertThat(group(expect(200, api(GXJ).get("/api/evaluations/" + opened)).get("groups"), "wanli")).isEqualTo("DISTRICT");
            importFigures(opened);
            complete(GXJ, roundTask(opened, "Task_CloseDataEntry"), Map.of());
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-16T16:00:01Z")));
            managementService.executeJob(confirmationJob(opened).getId());
            score(opened);
            JsonNode lines = expect(200, api(GXJ).get("/api/evaluations/" + opened + "/ranking")).get("ranking").get("lines");
            assertThat(group(lines, "wanli")).as("ranked by the groups recorded at opening").isEqualTo("DISTRICT");
            long counties = 0;
            for (JsonNode line : lines) {
                counties += "COUNTY".equals(line.get("group").asText()) ? 1 : 0;
            }
            assertThat(counties).isEqualTo(3);

            // a round opened after the change is ranked with 湾里 among the counties
            long later = openRound("M5", "2023年第三季度试验区评价（分组测试）", "2023-07-01", "2023-09-30");
            assertThat(group(expect(200, api(GXJ).get("/api/evaluations/" + later)).get("groups"), "wanli")).isEqualTo("COUNTY");
            assertThat(group(expect(200, api(GXJ).get("/api/evaluations/" + opened)).get("groups"), "wanli")).isEqualTo("DISTRICT");
        } finally {
            expect(200, api(GXJ).put(PATH, toJson(move("wanli", "DISTRICT", "恢复系统默认分组"))));
        }
    }

    private static Map<String, Object> move(String unit, String group, String reason) {
        return Map.of("changes", List.of(Map.of("unitId", unit, "group", group)), "reason", reason);
    }

    private static String group(JsonNode rows, String unit) {
        for (JsonNode row : rows) {
            if (unit.equals(row.get("unitId").asText())) {
                return row.get("group").asText();
            }
        }
        throw new AssertionError(unit + " not in " + rows);
    }
}
