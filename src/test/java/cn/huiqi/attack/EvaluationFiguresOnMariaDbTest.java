package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 16 items 1, 2, 6 on MariaDB over HTTP: gxj alone opens a round (default indicators, one per measure and
 * period), the statistics bureau imports the xlsx (a bad file refused whole with every problem by row and column,
 * nothing stored; a good one stored; a re-import never touches a confirmed figure), a locality self-reports a gap with
 * evidence, gxj scores "1269", the confirmation period on the working-day clock, confirm, dispute → resolve, and
 * silence confirming when the engine's clock passes the limit.
 */
class EvaluationFiguresOnMariaDbTest extends CaseAttackBase {

    static final String TJJ = "atk-tjj";
    static final String GXJ = CITY.get("gxj");

    @AfterEach
    void engineClock() {
        ClockUtil.reset();
    }

    @Test
    void aRoundFromOpeningThroughImportSelfReportConfirmationDisputeAndSilence() {
        TestUsers.person(identityService, TJJ, "tjj", PASSWORD);
        Map<String, Object> open = Map.of("measure", "M5", "name", "2023年前三季度试验区评价（测试）", "periodFrom", "2023-01-01",
                "periodTo", "2023-09-30");
        for (String refused : List.of(TJJ, LOCALITY, POLICY, AUDITOR, CITY.get("swj"), OTHER_ENTERPRISE)) {
            assertThat(api(refused).post("/api/evaluations", toJson(open)).statusCode()).as(refused).isEqualTo(403);
        }
        JsonNode round = expect(201, api(GXJ).post("/api/evaluations", toJson(open)));
        long id = round.get("id").asLong();
        assertThat(round.get("status").asText()).isEqualTo("DATA_ENTRY");
        assertThat(round.get("indicators")).hasSize(6);
        assertThat(round.get("indicators").get(0).get("code").asText()).isEqualTo("VA_GROWTH");
        assertThat(round.get("indicators").get(0).get("note").asText()).isEqualTo("系统默认值");
        assertThat(round.get("defaultMark").asText()).isEqualTo("系统默认值");
        expect(409, api(GXJ).post("/api/evaluations", toJson(open)));
        assertThat(expect(400, api(GXJ).post("/api/evaluations", toJson(Map.of("measure", "M1", "name", "x", "periodFrom", "2023-01-01",
                "periodTo", "2023-09-30")))).get("errors").get(0).get("field").asText()).isEqualTo("measure");

        // a target, before data entry, with a reason
        expect(400, api(GXJ).put("/api/evaluations/" + id + "/indicators/VA_GROWTH", toJson(Map.of("target", "8.5", "reason", " "))));
        expect(403, api(TJJ).put("/api/evaluations/" + id + "/indicators/VA_GROWTH", toJson(Map.of("target", "8.5", "reason", "x"))));
        JsonNode retargeted = expect(200, api(GXJ).put("/api/evaluations/" + id + "/indicators/VA_GROWTH",
                toJson(Map.of("target", "8.5", "reason", "市政府年度目标为8.5%"))));
        assertThat(retargeted.get("indicators").get(0).get("target").decimalValue()).isEqualByComparingTo("8.5");

        // a bad file: refused whole, every problem named by row and column, nothing stored
        byte[] template = EvaluationSheets.template(api(TJJ), id);
        byte[] bad = EvaluationSheets.fill(template, (unit, header) -> {
            if (unit.equals("donghu") && header.contains("[VA_GROWTH]")) {
                return "abc";
            }
            if (unit.equals("xihu") && header.contains("[INVEST_GROWTH]")) {
                return 900;
            }
            if (unit.equals("anyi") && header.contains("[NEW_ABOVE_SCALE]")) {
                return 3.5;
            }
            if (unit.equals("wanli") && header.contains("[REVENUE_GROWTH]")) {
                return null;
            }
            return EvaluationSheets.plausible(unit, header);
        }, List.of(List.of("donghu", "东湖区", 1, 1, 1, 1, 1), List.of("nowhere", "无此地区", 1, 1, 1, 1, 1)));
        JsonNode refused = expect(400, Multipart.file("统计数据.xlsx", bad).post(port, "/api/evaluations/" + id + "/figures/import", TJJ, PASSWORD));
        List<String> problems = new ArrayList<>();
        refused.get("errors").forEach(e -> problems.add(e.get("zh").asText()));
        // rows: instructions 1-2, blank 3, header 4, donghu 5 … wanli 17, then the extra rows 18, 19
        assertThat(problems).anyMatch(p -> p.startsWith("第5行 C列：") && p.contains("“abc”不是数值"))
                .anyMatch(p -> p.startsWith("第6行 D列：") && p.contains("超出合理范围"))
                .anyMatch(p -> p.startsWith("第12行 G列：") && p.contains("须为整数"))
                .anyMatch(p -> p.startsWith("第17行 F列：") && p.contains("不能为空"))
                .anyMatch(p -> p.startsWith("第18行 A列：") && p.contains("重复（已在第5行）"))
                .anyMatch(p -> p.startsWith("第19行 A列：") && p.contains("未知的地区"));
        assertThat(problems).hasSize(6);
        assertThat(refused.get("errors").get(0).get("en").asText()).startsWith("Row ");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ?", Integer.class, id)).isZero();

        // a good file: donghu's new above-scale enterprises left blank (statistics have none) → self-reported
        byte[] good = EvaluationSheets.fill(template, (unit, header) -> unit.equals("donghu") && header.contains("[NEW_ABOVE_SCALE]") ? null
                : EvaluationSheets.plausible(unit, header), List.of());
        JsonNode imported = expect(200, Multipart.file("统计数据.xlsx", good).post(port, "/api/evaluations/" + id + "/figures/import", TJJ, PASSWORD));
        assertThat(imported.get("stored").asInt()).isEqualTo(13 * 5 - 1);
        assertThat(imported.get("leftForSelfReport").asInt()).isEqualTo(1);

        // the evidence is an uploaded file (evidence module: checked by content, stored with its checksum); the text a note
        byte[] pdf = "%PDF-1.4\n东湖区统计站证明\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String files = "/api/evidence/locality-files";
        expect(403, Multipart.file("证明.pdf", pdf).field("unit", "donghu").field("measure", "M5").post(port, files, OTHER_LOCALITY, PASSWORD));
        expect(403, Multipart.file("证明.pdf", pdf).field("unit", "donghu").field("measure", "M5").post(port, files, GXJ, PASSWORD));
        expect(400, Multipart.file("证明.pdf", pdf).field("unit", "donghu").field("measure", "M1").post(port, files, LOCALITY, PASSWORD));
        expect(415, Multipart.file("证明.pdf", "not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)).field("unit", "donghu")
                .field("measure", "M5").post(port, files, LOCALITY, PASSWORD));
        JsonNode upload = expect(201, Multipart.file("东湖区统计站证明.pdf", pdf).field("unit", "donghu").field("measure", "M5")
                .post(port, files, LOCALITY, PASSWORD));
        long fileId = upload.get("id").asLong();
        JsonNode xihuUpload = expect(201, Multipart.file("西湖区证明.pdf", pdf).field("unit", "xihu").field("measure", "M5")
                .post(port, files, OTHER_LOCALITY, PASSWORD));
        Map<String, Object> selfReport = new HashMap<>(Map.of("unit", "donghu", "indicator", "NEW_ABOVE_SCALE", "value", 12,
                "evidence", "东湖区统计站证明（2023年10月8日）", "evidenceFileId", fileId));
        assertThat(expect(400, api(LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported",
                toJson(Map.of("unit", "donghu", "indicator", "NEW_ABOVE_SCALE", "value", 12, "evidence", "只有文字")))).get("errors").get(0)
                .get("field").asText()).isEqualTo("evidenceFileId");
        assertThat(expect(400, api(LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported",
                toJson(Map.of("unit", "donghu", "indicator", "NEW_ABOVE_SCALE", "value", 12, "evidenceFileId", xihuUpload.get("id").asLong()))))
                .get("errors").get(0).get("field").asText()).as("another locality's file").isEqualTo("evidenceFileId");
        expect(403, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported", toJson(selfReport)));
        expect(400, api(LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported",
                toJson(Map.of("unit", "donghu", "indicator", "VA_GROWTH", "value", 12, "evidence", "x", "evidenceFileId", fileId))));
        JsonNode reported = expect(201, api(LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported", toJson(selfReport)));
        assertThat(reported.get("origin").asText()).isEqualTo("SELF_REPORTED");
        assertThat(reported.get("evidence").asText()).contains("统计站证明");
        assertThat(reported.get("evidenceFileId").asLong()).isEqualTo(fileId);
        assertThat(reported.get("evidenceFileName").asText()).isEqualTo("东湖区统计站证明.pdf");
        assertThat(reported.get("status").asText()).isEqualTo("ENTERED");
        assertThat(expect(400, api(LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported", toJson(selfReport))).get("errors")
                .get(0).get("field").asText()).as("a file proves one figure").isEqualTo("evidenceFileId");
        // the locality, gxj, tjj, policy staff and auditors download it; another locality, an enterprise, another city unit do not
        for (String reader : List.of(LOCALITY, GXJ, TJJ, POLICY, AUDITOR)) {
            HttpResponse<byte[]> file = api(reader).getBytes(files.replace("locality-files", String.valueOf(fileId)));
            assertThat(file.statusCode()).as(reader + " downloads the evidence").isEqualTo(200);
            assertThat(file.body()).isEqualTo(pdf);
        }
        for (String other : List.of(OTHER_LOCALITY, OTHER_ENTERPRISE, CITY.get("swj"))) {
            int status = api(other).getBytes("/api/evidence/" + fileId).statusCode();
            AttackLedger.record("evaluation-figures", status == 403, other + " downloads donghu's evidence: " + status);
            assertThat(status).as(other + " downloads donghu's evidence").isEqualTo(403);
        }

        // not complete yet: gxj's "1269" scores missing
        expect(409, api(GXJ).post("/api/evaluations/" + id + "/confirmation-start", "{}"));
        expect(403, api(TJJ).post("/api/evaluations/" + id + "/figures/by-lead-bureau", toJson(EvaluationSheets.gxjScore("donghu", 85))));
        for (String unit : EvaluationSheets.LOCALITIES) {
            expect(200, api(GXJ).post("/api/evaluations/" + id + "/figures/by-lead-bureau", toJson(EvaluationSheets.gxjScore(unit, 80.5))));
        }
        expect(409, api(GXJ).put("/api/evaluations/" + id + "/indicators/VA_GROWTH", toJson(Map.of("target", "9", "reason", "太晚"))));

        // the confirmation period: Monday 2023-10-09 10:00 + 5 working days → ends Monday 2023-10-16 24:00
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-09T02:00:00Z")));
        expect(403, api(LOCALITY).post("/api/evaluations/" + id + "/confirmation-start", "{}"));
        JsonNode confirming = expect(200, api(GXJ).post("/api/evaluations/" + id + "/confirmation-start", "{}"));
        assertThat(confirming.get("status").asText()).isEqualTo("CONFIRMATION");
        assertThat(Instant.parse(confirming.get("confirmationDue").asText())).isEqualTo(Instant.parse("2023-10-16T16:00:00Z"));

        // a locality sees only its own figures
        JsonNode donghuView = expect(200, api(LOCALITY).get("/api/evaluations/" + id));
        assertThat(donghuView.get("figures")).hasSize(6).allSatisfy(f -> assertThat(f.get("unit").asText()).isEqualTo("donghu"));
        assertThat(expect(200, api(GXJ).get("/api/evaluations/" + id)).get("figures")).hasSize(13 * 6);

        JsonNode confirmed = expect(200, api(LOCALITY).post("/api/evaluations/" + id + "/localities/donghu/confirmation", "{}"));
        assertThat(confirmed.get("confirmed").asInt()).isEqualTo(6);
        expect(403, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/localities/donghu/confirmation", "{}"));

        // re-import: unconfirmed figures replaced, confirmed ones kept
        byte[] again = EvaluationSheets.fill(template, (unit, header) -> header.contains("[NEW_ABOVE_SCALE]") ? (Object) 20 : (Object) 7.75, List.of());
        JsonNode reimported = expect(200, Multipart.file("统计数据.xlsx", again).post(port, "/api/evaluations/" + id + "/figures/import", TJJ, PASSWORD));
        assertThat(reimported.get("keptConfirmed").asInt()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT figure FROM evaluation_figure WHERE round_id = ? AND unit_id = 'donghu' AND indicator_code = 'VA_GROWTH'",
                java.math.BigDecimal.class, id)).isEqualByComparingTo("6.5");

        // a dispute, with its reason, resolved by gxj with a correction
        long xihuVa = figureId(id, "xihu", "VA_GROWTH");
        expect(400, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/figures/" + xihuVa + "/dispute", toJson(Map.of("reason", " "))));
        JsonNode disputed = expect(200, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/figures/" + xihuVa + "/dispute",
                toJson(Map.of("reason", "统计口径有误，应为8.10"))));
        assertThat(disputed.get("status").asText()).isEqualTo("DISPUTED");
        expect(403, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/figures/" + xihuVa + "/resolution", toJson(Map.of("value", "8.1", "reason", "x"))));
        JsonNode resolved = expect(200, api(GXJ).post("/api/evaluations/" + id + "/figures/" + xihuVa + "/resolution",
                toJson(Map.of("value", "8.1", "reason", "经市统计局核实，异议成立"))));
        assertThat(resolved.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(resolved.get("confirmedHow").asText()).isEqualTo("RESOLUTION");
        assertThat(resolved.get("value").decimalValue()).isEqualByComparingTo("8.1");
        JsonNode xihuTimeline = expect(200, api(OTHER_LOCALITY).get("/api/evaluations/" + id + "/timeline"));
        assertThat(xihuTimeline.get(0).get("kind").asText()).isEqualTo("RESOLVED");
        assertThat(xihuTimeline.get(0).get("oldValue").asText()).isEqualTo("7.75");
        assertThat(xihuTimeline.get(0).get("newValue").asText()).isEqualTo("8.1");
        assertThat(xihuTimeline.get(0).get("actor").asText()).isEqualTo(GXJ);
        assertThat(xihuTimeline.get(0).get("reason").asText()).isEqualTo("经市统计局核实，异议成立");
        xihuTimeline.forEach(e -> assertThat(e.path("unit").asText("xihu")).isIn("xihu", ""));
        expect(403, api(OTHER_LOCALITY).get("/api/evaluations/" + id + "/timeline?unit=donghu"));

        // silence: nothing happens before the limit; after it the engine's job confirms what nobody confirmed or disputed
        Job early = confirmationJob(id);
        assertThat(early.getDuedate().toInstant()).isEqualTo(Instant.parse("2023-10-16T16:00:00Z"));
        // a node whose clock runs behind takes the job early: it waits for the deadline again, nothing is confirmed
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-16T15:59:59Z")));
        managementService.executeJob(early.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ? AND confirmed_how = 'SILENCE'", Integer.class, id)).isZero();
        Job job = confirmationJob(id);
        assertThat(job.getId()).isNotEqualTo(early.getId());
        assertThat(job.getDuedate().toInstant()).isEqualTo(Instant.parse("2023-10-16T16:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-16T16:00:01Z")));
        expect(409, api(CITY.get("gxj")).post("/api/evaluations/" + id + "/confirmation-start", "{}"));
        expect(409, api(LOCALITY).post("/api/evaluations/" + id + "/figures/" + figureId(id, "donghu", "VA_GROWTH") + "/dispute",
                toJson(Map.of("reason", "晚了"))));
        managementService.executeJob(job.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ? AND status <> 'CONFIRMED'", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ? AND confirmed_how = 'SILENCE'", Integer.class, id))
                .isEqualTo(13 * 6 - 6 - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_event WHERE round_id = ? AND kind = 'CONFIRMED_BY_SILENCE' AND actor = 'system'",
                Integer.class, id)).isEqualTo(13 * 6 - 6 - 1);

        // after confirmation only gxj changes a figure, with a reason, on the timeline
        expect(409, api(LOCALITY).post("/api/evaluations/" + id + "/figures/self-reported", toJson(selfReport)));
        expect(400, api(GXJ).post("/api/evaluations/" + id + "/figures/by-lead-bureau",
                toJson(Map.of("unit", "anyi", "indicator", "VA_GROWTH", "value", "6"))));
        JsonNode corrected = expect(200, api(GXJ).post("/api/evaluations/" + id + "/figures/by-lead-bureau",
                toJson(Map.of("unit", "anyi", "indicator", "VA_GROWTH", "value", "6", "reason", "市统计局更正函"))));
        assertThat(corrected.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(corrected.get("confirmedHow").asText()).isEqualTo("CORRECTION");
        JsonNode anyiLine = expect(200, api(GXJ).get("/api/evaluations/" + id + "/timeline?unit=anyi")).get(0);
        assertThat(anyiLine.get("kind").asText()).isEqualTo("CORRECTED");
        assertThat(anyiLine.get("oldValue").asText()).isEqualTo("7.75");
        assertThat(anyiLine.get("newValue").asText()).isEqualTo("6");
    }

    long figureId(long roundId, String unit, String indicator) {
        return jdbc.queryForObject("SELECT id FROM evaluation_figure WHERE round_id = ? AND unit_id = ? AND indicator_code = ?", Long.class,
                roundId, unit, indicator);
    }

    Job confirmationJob(long roundId) {
        return managementService.createJobQuery().list().stream()
                .filter(j -> j instanceof JobEntity e && "huiqi-evaluation-confirmation".equals(e.getJobHandlerType())
                        && Long.toString(roundId).equals(e.getJobHandlerConfigurationRaw()))
                .findFirst().orElseThrow();
    }
}
