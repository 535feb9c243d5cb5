package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 16 item 6 under attack, on MariaDB over HTTP: a locality reading or confirming another's figures, every role but
 * tjj/gxj importing, a locality changing a figure after confirmation, and bad files (not xlsx, empty, a formula, bad
 * cells) — each refused with a bilingual 4xx, nothing stored.
 */
class EvaluationFiguresAttackTest extends CaseAttackBase {

    private static final String FAMILY = "evaluation";
    private static final String TJJ = "atk-tjj";

    @Test
    void localitiesSeeAndConfirmOnlyTheirOwnAndOnlyTjjAndGxjImport() {
        TestUsers.person(identityService, TJJ, "tjj", PASSWORD);
        String gxj = CITY.get("gxj");
        JsonNode round = expect(201, api(gxj).post("/api/evaluations", toJson(Map.of("measure", "M6", "name", "2023年度工业发展贡献评价（攻击测试）",
                "periodFrom", "2023-01-01", "periodTo", "2023-12-31"))));
        long id = round.get("id").asLong();
        String base = "/api/evaluations/" + id;
        byte[] template = EvaluationSheets.template(api(TJJ), id);
        byte[] good = EvaluationSheets.fill(template, EvaluationSheets::plausible, List.of());

        // only tjj and gxj import or download the template; nothing stored by the refused ones
        List<String> others = new ArrayList<>(List.of(LOCALITY, OTHER_LOCALITY, POLICY, AUDITOR, ADMIN, OTHER_ENTERPRISE));
        CITY.forEach((unit, user) -> {
            if (!unit.equals("gxj")) {
                others.add(user);
            }
        });
        for (String user : others) {
            refused(user + " imports", 403, Multipart.file("统计数据.xlsx", good).post(port, base + "/figures/import", user, PASSWORD));
            refused(user + " opens a round", 403, api(user).post("/api/evaluations", toJson(Map.of("measure", "M6", "name", "x",
                    "periodFrom", "2022-01-01", "periodTo", "2022-12-31"))));
            HttpResponse<byte[]> sheet = api(user).getBytes(base + "/figures/template.xlsx");
            AttackLedger.record(FAMILY, sheet.statusCode() == 403, user + " downloads the template → " + sheet.statusCode());
            assertThat(sheet.statusCode()).as(user).isEqualTo(403);
        }
        refused("no login imports", 401, Multipart.file("统计数据.xlsx", good).post(port, base + "/figures/import", null, null));
        assertThat(figures(id)).isZero();

        // bad files, each refused whole
        refused("random bytes as xlsx", 400, Multipart.file("统计数据.xlsx", Multipart.pdf(4096)).post(port, base + "/figures/import", TJJ, PASSWORD));
        refused("an empty file", 400, Multipart.file("统计数据.xlsx", new byte[0]).post(port, base + "/figures/import", TJJ, PASSWORD));
        refused("a formula cell", 400, Multipart.file("统计数据.xlsx", EvaluationSheets.fill(template, (unit, header) ->
                unit.equals("anyi") && header.contains("[VA_GROWTH]") ? "=1+1" : EvaluationSheets.plausible(unit, header), List.of()))
                .post(port, base + "/figures/import", TJJ, PASSWORD));
        refused("a percentage as text with %", 400, Multipart.file("统计数据.xlsx", EvaluationSheets.fill(template, (unit, header) ->
                unit.equals("gaoxin") && header.contains("[INVEST_GROWTH]") ? "12%" : EvaluationSheets.plausible(unit, header), List.of()))
                .post(port, base + "/figures/import", TJJ, PASSWORD));
        refused("a control-character unit id", 400, Multipart.file("统计数据.xlsx", EvaluationSheets.fill(template, EvaluationSheets::plausible,
                List.of(List.of("donghu\n伪造", "x", 1, 1, 1, 1, 1)))).post(port, base + "/figures/import", TJJ, PASSWORD));
        refused("an oversized file", 413, Multipart.file("统计数据.xlsx", new byte[3 * 1024 * 1024]).post(port, base + "/figures/import", TJJ, PASSWORD));
        assertThat(figures(id)).isZero();

        expect(200, Multipart.file("统计数据.xlsx", good).post(port, base + "/figures/import", TJJ, PASSWORD));
        for (String unit : EvaluationSheets.LOCALITIES) {
            expect(200, api(gxj).post(base + "/figures/by-lead-bureau", toJson(EvaluationSheets.gxjScore(unit, 90))));
        }
        refused("a locality scores 1269 itself", 403, api(LOCALITY).post(base + "/figures/by-lead-bureau",
                toJson(EvaluationSheets.gxjScore("donghu", 100))));
        expect(200, api(gxj).post(base + "/confirmation-start", "{}"));

        // another locality's figures: hidden, not confirmable, not disputable (404 as if absent)
        JsonNode xihuView = expect(200, api(OTHER_LOCALITY).get(base));
        boolean hidden = xihuView.get("figures").findValues("unit").stream().allMatch(u -> u.asText().equals("xihu"));
        AttackLedger.record(FAMILY, hidden, "xihu reads donghu's figures");
        assertThat(hidden).isTrue();
        long donghuVa = jdbc.queryForObject("SELECT id FROM evaluation_figure WHERE round_id = ? AND unit_id = 'donghu' AND indicator_code = 'VA_GROWTH'",
                Long.class, id);
        refused("xihu confirms donghu's figures", 403, api(OTHER_LOCALITY).post(base + "/localities/donghu/confirmation", "{}"));
        refused("xihu disputes donghu's figure", 404, api(OTHER_LOCALITY).post(base + "/figures/" + donghuVa + "/dispute", toJson(Map.of("reason", "x"))));
        refused("xihu reads donghu's timeline", 403, api(OTHER_LOCALITY).get(base + "/timeline?unit=donghu"));
        for (String reader : List.of(gxj, TJJ, POLICY, AUDITOR)) {
            assertThat(expect(200, api(reader).get(base)).get("figures")).as(reader).hasSize(13 * 6);
        }
        refused("the administrator reads the round", 403, api(ADMIN).get(base));
        refused("tjj reads the timeline", 403, api(TJJ).get(base + "/timeline"));
        refused("tjj confirms for donghu", 403, api(TJJ).post(base + "/localities/donghu/confirmation", "{}"));
        refused("gxj confirms for donghu", 403, api(gxj).post(base + "/localities/donghu/confirmation", "{}"));
        refused("policy staff correct a figure", 403, api(POLICY).post(base + "/figures/by-lead-bureau",
                toJson(Map.of("unit", "donghu", "indicator", "VA_GROWTH", "value", 50, "reason", "x"))));
        refused("an enterprise reads the round", 403, api(OTHER_ENTERPRISE).get(base));
        refused("swj reads the round", 403, api(CITY.get("swj")).get(base));
        refused("a locality resolves its own dispute", 403, api(LOCALITY).post(base + "/figures/" + donghuVa + "/resolution",
                toJson(Map.of("reason", "x"))));

        // after confirmation the locality changes nothing; re-import never touches a confirmed figure
        expect(200, api(LOCALITY).post(base + "/localities/donghu/confirmation", "{}"));
        refused("donghu self-reports after confirmation", 409, api(LOCALITY).post(base + "/figures/self-reported",
                toJson(Map.of("unit", "donghu", "indicator", "NEW_ABOVE_SCALE", "value", 99, "evidence", "x", "evidenceFileId", 1))));
        refused("donghu disputes after confirming", 409, api(LOCALITY).post(base + "/figures/" + donghuVa + "/dispute", toJson(Map.of("reason", "x"))));
        refused("donghu corrects as gxj", 403, api(LOCALITY).post(base + "/figures/by-lead-bureau",
                toJson(Map.of("unit", "donghu", "indicator", "VA_GROWTH", "value", 50, "reason", "x"))));
        byte[] higher = EvaluationSheets.fill(template, (unit, header) -> header.contains("[NEW_ABOVE_SCALE]") ? (Object) 99 : (Object) 99.5, List.of());
        expect(200, Multipart.file("统计数据.xlsx", higher).post(port, base + "/figures/import", TJJ, PASSWORD));
        java.math.BigDecimal kept = jdbc.queryForObject("SELECT figure FROM evaluation_figure WHERE id = ?", java.math.BigDecimal.class, donghuVa);
        AttackLedger.record(FAMILY, kept.compareTo(new java.math.BigDecimal("6.5")) == 0, "re-import over donghu's confirmed figure → " + kept);
        assertThat(kept).isEqualByComparingTo("6.5");
    }

    private int figures(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ?", Integer.class, id);
    }

    private static void refused(String what, int status, HttpResponse<String> response) {
        boolean refused = response.statusCode() == status && (status == 401 || response.body().contains("\"zh\""));
        AttackLedger.record(FAMILY, refused, what + " → " + response.statusCode());
        assertThat(refused).as("%s: %s %s", what, response.statusCode(), response.body()).isTrue();
    }
}
