package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 16 item 5's reads under attack, on MariaDB over HTTP: a round's ranking exists only once every figure is
 * confirmed; gxj, tjj, policy staff and auditors read every line; a locality reads only its own line (no neighbour in a
 * tie-break sentence, no total of the awards) until the ranking is circulated, and every line after; the score sheet
 * (xlsx) is gxj's alone (default deny); other city units, enterprises, the administrator and anonymous are refused.
 */
class EvaluationRankingAttackTest extends CaseAttackBase {

    private static final String FAMILY = "evaluation-ranking";
    private static final String TJJ = "atk-tjj";

    @AfterEach
    void engineClock() {
        ClockUtil.reset();
    }

    @Test
    void theRankingAndTheScoreSheetAreReadOnlyByThoseWhoMay() throws IOException {
        TestUsers.person(identityService, TJJ, "tjj", PASSWORD);
        String gxj = CITY.get("gxj");
        JsonNode opened = expect(201, api(gxj).post("/api/evaluations", toJson(Map.of("measure", "M6", "name", "2025年度工业发展综合评价（排名攻击测试）",
                "periodFrom", "2025-01-01", "periodTo", "2025-12-31"))));
        long id = opened.get("id").asLong();
        // gxj has no engine permission on decision definitions: the round still pins both tables (as the system)
        assertThat(opened.get("ruleVersions").findValuesAsText("decisionKey")).containsExactlyInAnyOrder("locality-indicator-score", "evaluation-award");
        assertThat(opened.get("safetyVeto").asBoolean()).isTrue();
        String base = "/api/evaluations/" + id;
        byte[] template = EvaluationSheets.template(api(TJJ), id);
        expect(200, Multipart.file("统计数据.xlsx", EvaluationSheets.fill(template, EvaluationSheets::plausible, List.of()))
                .post(port, base + "/figures/import", TJJ, PASSWORD));
        for (String unit : EvaluationSheets.LOCALITIES) {
            // donghu and xihu tie on "1269" and on their totals only if their figures do: they do not (plausible grows by unit)
            expect(200, api(gxj).post(base + "/figures/by-lead-bureau", toJson(EvaluationSheets.gxjScore(unit, 80))));
        }
        expect(201, api(gxj).post("/api/evaluations/vetoes", toJson(Map.of("year", 2025, "unitId", "xiaolan",
                "reason", "2025年发生较大安全生产事故（测试）", "evidenceRef", "洪应急〔2025〕1号"))));

        // before the confirmation: no ranking for anybody
        refused("a ranking before the confirmation", 409, api(gxj).get(base + "/ranking"));
        refused("a score sheet before the confirmation", 409, api(gxj).get(base + "/score-sheet.xlsx"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-12T02:00:00Z")));
        expect(200, api(gxj).post(base + "/confirmation-start", "{}"));
        refused("a ranking during the confirmation", 409, api(LOCALITY).get(base + "/ranking"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-20T00:00:00Z")));
        managementService.executeJob(confirmationJob(id).getId());

        // readers of every locality: every line, the veto, the total of the awards
        for (String reader : List.of(gxj, TJJ, POLICY, AUDITOR)) {
            JsonNode all = expect(200, api(reader).get(base + "/ranking"));
            assertThat(all.get("allLines").asBoolean()).as(reader).isTrue();
            assertThat(all.get("ranking").get("lines")).as(reader).hasSize(13);
            assertThat(all.get("ranking").has("totalAward")).isTrue();
        }
        JsonNode full = expect(200, api(gxj).get(base + "/ranking")).get("ranking");
        JsonNode xiaolan = line(full, "xiaolan");
        assertThat(xiaolan.get("vetoed").asBoolean()).isTrue();
        assertThat(xiaolan.get("award").decimalValue()).isZero();
        assertThat(full.get("vetoReading").asText()).contains("在保障生产安全的前提下");

        // a locality before the circulation: its own line only, with its scores and rank
        for (String locality : List.of(LOCALITY, OTHER_LOCALITY)) {
            String unit = locality.equals(LOCALITY) ? "donghu" : "xihu";
            JsonNode own = expect(200, api(locality).get(base + "/ranking"));
            boolean alone = !own.get("allLines").asBoolean() && own.get("ranking").get("lines").size() == 1
                    && own.get("ranking").get("lines").get(0).get("unitId").asText().equals(unit)
                    && !own.get("ranking").has("totalAward") && !own.get("ranking").get("lines").get(0).has("tieBreak");
            AttackLedger.record(FAMILY, alone, unit + " reads the others' ranking before the circulation");
            assertThat(alone).as(own.toString()).isTrue();
            assertThat(own.get("ranking").get("lines").get(0).get("scores")).hasSize(6);
            assertThat(own.get("ranking").get("lines").get(0).get("rankInGroup").asInt()).isEqualTo(line(full, unit).get("rankInGroup").asInt());
        }

        // the score sheet: gxj only
        HttpResponse<byte[]> sheet = api(gxj).getBytes(base + "/score-sheet.xlsx");
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
            Sheet scores = workbook.getSheetAt(0);
            List<String> texts = new ArrayList<>();
            int header = -1;
            for (Row row : scores) {
                row.forEach(c -> texts.add(c.toString()));
                if (row.getCell(0) != null && "组别".equals(row.getCell(0).toString())) {
                    header = row.getRowNum();
                }
            }
            assertThat(texts).contains("总分", "是：不予奖励").anyMatch(t -> t.contains("小蓝")).anyMatch(t -> t.contains("系统默认值"));
            List<String> notes = new ArrayList<>();
            workbook.getSheetAt(1).forEach(row -> row.forEach(c -> notes.add(c.toString())));
            assertThat(notes).as("the notes name the tables, not their DMN keys").anyMatch(t -> t.startsWith("地区评价指标得分规则 第"))
                    .anyMatch(t -> t.contains("不顺延给下一名")).noneMatch(t -> t.contains("locality-indicator-score") || t.contains("evaluation-award"));
            assertThat(scores.getLastRowNum() - header).as("a line per locality under the header").isEqualTo(13);
        }
        List<String> others = new ArrayList<>(List.of(TJJ, LOCALITY, OTHER_LOCALITY, POLICY, AUDITOR, ADMIN, OTHER_ENTERPRISE));
        CITY.forEach((unit, user) -> {
            if (!unit.equals("gxj")) {
                others.add(user);
            }
        });
        for (String user : others) {
            HttpResponse<byte[]> refusedSheet = api(user).getBytes(base + "/score-sheet.xlsx");
            AttackLedger.record(FAMILY, refusedSheet.statusCode() == 403, user + " downloads the score sheet → " + refusedSheet.statusCode());
            assertThat(refusedSheet.statusCode()).as(user).isEqualTo(403);
        }
        for (String user : List.of(ADMIN, OTHER_ENTERPRISE, CITY.get("swj"), CITY.get("czj"))) {
            refused(user + " reads the ranking", 403, api(user).get(base + "/ranking"));
        }
        refused("no login reads the ranking", 401, cn.huiqi.testsupport.HttpApi.anonymous(port).get(base + "/ranking"));
        refused("no login downloads the score sheet", 401, cn.huiqi.testsupport.HttpApi.anonymous(port).get(base + "/score-sheet.xlsx"));
        refused("a ranking of no round", 404, api(gxj).get("/api/evaluations/987654321/ranking"));
        refused("a ranking of a bad id", 400, api(gxj).get("/api/evaluations/x1/ranking"));

        // once circulated (通报), every locality reads every line
        jdbc.update("UPDATE evaluation_round SET status = 'CIRCULATED' WHERE id = ?", id);
        JsonNode circulated = expect(200, api(LOCALITY).get(base + "/ranking"));
        assertThat(circulated.get("allLines").asBoolean()).isTrue();
        assertThat(circulated.get("ranking").get("lines")).hasSize(13);
        refused("donghu downloads the score sheet after the circulation", 403, api(LOCALITY).get(base + "/score-sheet.xlsx"));
    }

    private static JsonNode line(JsonNode ranking, String unit) {
        for (JsonNode l : ranking.get("lines")) {
            if (l.get("unitId").asText().equals(unit)) {
                return l;
            }
        }
        throw new AssertionError("no line for " + unit);
    }

    private Job confirmationJob(long roundId) {
        return managementService.createJobQuery().list().stream()
                .filter(j -> j instanceof JobEntity e && "huiqi-evaluation-confirmation".equals(e.getJobHandlerType())
                        && Long.toString(roundId).equals(e.getJobHandlerConfigurationRaw()))
                .findFirst().orElseThrow();
    }

    private static void refused(String what, int status, HttpResponse<String> response) {
        boolean refused = response.statusCode() == status && (status == 401 || response.body().contains("\"zh\""));
        AttackLedger.record(FAMILY, refused, what + " → " + response.statusCode());
        assertThat(refused).as("%s: %s %s", what, response.statusCode(), response.body()).isTrue();
    }
}
