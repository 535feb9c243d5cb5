package cn.huiqi.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;

/** The REST API of the project library: who may do what, and what input is refused (changing nothing). */
class ProjectApiTest extends ProjectLibraryTestBase {

    private Map<String, Object> body(String name, String locality) {
        Map<String, Object> b = new HashMap<>();
        b.put("enterpriseId", enterprise(HONGDU));
        b.put("localityUnitId", locality);
        b.put("name", name);
        b.put("type", "renovation");
        b.put("plannedTotalInvestment", "45000000.00");
        b.put("plannedEquipmentInvestment", "30000000.00");
        b.put("plannedStart", "2023-01-10");
        b.put("plannedCompletion", "2023-06-30");
        b.put("actualStart", "2023-01-15");
        b.put("major", false);
        return b;
    }

    private long create(String user, Map<String, Object> body) {
        return HttpApi.expect(201, call(user, "POST", "/api/projects", HttpApi.toJson(body))).get("id").asLong();
    }

    private static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void localityMaintainsItsOwnProjectsOnlyAndGxjMaintainsAll() {
        long donghu = create("donghu-verifier", body("数控加工中心智能化技术改造项目", null)); // locality defaults to the owner's
        JsonNode created = HttpApi.expect(200, call("donghu-verifier", "GET", "/api/projects/" + donghu, null));
        assertThat(created.get("locality").get("id").asText()).isEqualTo("donghu");
        assertThat(created.get("status").asText()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(created.get("editable").asBoolean()).isTrue();

        // xihu may neither change nor report on a donghu project, nor register one in donghu
        Map<String, Object> renamed = body("改名", "donghu");
        HttpApi.expect(403, call("xihu-verifier", "PUT", "/api/projects/" + donghu, HttpApi.toJson(renamed)));
        HttpApi.expect(403, call("xihu-verifier", "POST", "/api/projects/" + donghu + "/reports",
                "{\"month\":\"2023-07\",\"cumulativeInvestment\":\"1.00\",\"cumulativeEquipmentInvestment\":\"0\"}"));
        HttpApi.expect(403, call("xihu-verifier", "GET", "/api/projects/" + donghu, null));
        HttpApi.expect(403, call("xihu-verifier", "POST", "/api/projects", HttpApi.toJson(body("另一个", "donghu"))));
        HttpApi.expect(403, call("donghu-verifier", "PUT", "/api/projects/" + donghu, HttpApi.toJson(body("搬走", "xihu"))));
        HttpApi.expect(403, call("donghu-verifier", "GET", "/api/projects?locality=xihu", null));
        assertThat(count("project_report")).isZero();

        // the enterprise reads its own project but changes nothing and sees no lists
        assertThat(HttpApi.expect(200, call("ent-hongdu", "GET", "/api/projects", null)).get("items")).hasSize(1);
        JsonNode own = HttpApi.expect(200, call("ent-hongdu", "GET", "/api/projects/" + donghu, null));
        assertThat(own.get("editable").asBoolean()).isFalse();
        HttpApi.expect(403, call("ent-hongdu", "PUT", "/api/projects/" + donghu, HttpApi.toJson(renamed)));
        HttpApi.expect(403, call("ent-hongdu", "POST", "/api/projects", HttpApi.toJson(body("企业自建", null))));
        HttpApi.expect(403, call("ent-hongdu", "POST", "/api/projects/" + donghu + "/reports",
                "{\"month\":\"2023-07\",\"cumulativeInvestment\":\"1.00\",\"cumulativeEquipmentInvestment\":\"0\"}"));
        HttpApi.expect(403, call("ent-jixiang", "GET", "/api/projects/" + donghu, null));
        assertThat(HttpApi.expect(200, call("ent-jixiang", "GET", "/api/projects", null)).get("items")).isEmpty();

        // other city bureaus: nothing; anonymous: 401
        HttpApi.expect(403, call("swj-reviewer", "GET", "/api/projects", null));
        HttpApi.expect(403, call("czj-finance", "GET", "/api/projects/" + donghu, null));
        HttpApi.expect(401, call(null, "GET", "/api/projects", null));
        assertThat(HttpApi.expect(200, call("donghu-verifier", "GET", "/api/projects/" + donghu, null)).get("name").asText())
                .isEqualTo("数控加工中心智能化技术改造项目");

        // 市工信局 edits projects of every locality, and readers read all
        long xihu = create("gxj-reviewer", body("西湖项目", "xihu"));
        JsonNode moved = HttpApi.expect(200, call("gxj-reviewer", "PUT", "/api/projects/" + donghu, HttpApi.toJson(body("改名后", "donghu"))));
        assertThat(moved.get("name").asText()).isEqualTo("改名后");
        Map<String, Object> completed = body("西湖项目", "xihu");
        completed.put("actualCompletion", "2023-08-31");
        JsonNode done = HttpApi.expect(200, call("gxj-reviewer", "PUT", "/api/projects/" + xihu, HttpApi.toJson(completed)));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(HttpApi.expect(200, call("policy-staff", "GET", "/api/projects", null)).get("items")).hasSize(2);
        assertThat(HttpApi.expect(200, call("admin", "GET", "/api/projects?locality=xihu", null)).get("items")).hasSize(1);
        HttpApi.expect(403, call("policy-staff", "PUT", "/api/projects/" + xihu, HttpApi.toJson(completed)));
        assertThat(HttpApi.expect(200, call("donghu-verifier", "GET", "/api/projects", null)).get("items")).hasSize(1);

        JsonNode history = HttpApi.expect(200, call("gxj-reviewer", "GET", "/api/projects/" + donghu + "/history", null));
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("actor").asText()).isEqualTo("gxj-reviewer");
        assertThat(history.get(1).get("detail").asText()).contains("数控加工中心智能化技术改造项目 → 改名后");
    }

    @Test
    void invalidProjectsAreRefusedWithEveryProblemAndNothingIsWritten() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("enterpriseId", enterprise(HONGDU));
        bad.put("type", "expansion");
        bad.put("plannedTotalInvestment", "1,000.005");
        bad.put("plannedEquipmentInvestment", "-1");
        bad.put("plannedStart", "2023-02-30");
        bad.put("plannedCompletion", "2023-1-1");
        JsonNode errors = HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", HttpApi.toJson(bad)));
        assertThat(fields(errors)).contains("name", "type", "plannedTotalInvestment", "plannedEquipmentInvestment",
                "plannedStart", "plannedCompletion");
        assertThat(errors.get("errors").get(0).get("zh").asText()).isNotBlank();
        assertThat(errors.get("errors").get(0).get("en").asText()).isNotBlank();

        Map<String, Object> inconsistent = body("不一致", null);
        inconsistent.put("plannedEquipmentInvestment", "45000000.01");
        inconsistent.put("plannedCompletion", "2023-01-09");
        inconsistent.put("actualStart", null);
        inconsistent.put("actualCompletion", "2023-05-01");
        assertThat(fields(HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", HttpApi.toJson(inconsistent)))))
                .containsExactlyInAnyOrder("plannedEquipmentInvestment", "plannedCompletion", "actualCompletion");

        Map<String, Object> backwards = body("倒序", null);
        backwards.put("actualCompletion", "2023-01-14");
        assertThat(fields(HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", HttpApi.toJson(backwards)))))
                .containsExactly("actualCompletion");
        Map<String, Object> future = body("未来", null);
        future.put("actualStart", "2999-01-01");
        assertThat(fields(HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", HttpApi.toJson(future)))))
                .containsExactly("actualStart");
        Map<String, Object> noOwner = body("无主", "donghu");
        noOwner.remove("enterpriseId");
        assertThat(fields(HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", HttpApi.toJson(noOwner)))))
                .containsExactly("enterpriseId");
        Map<String, Object> cityUnit = body("市级属地", "gxj");
        assertThat(fields(HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", HttpApi.toJson(cityUnit)))))
                .containsExactly("localityUnitId");
        HttpApi.expect(400, call("gxj-reviewer", "POST", "/api/projects", "{not json"));
        assertThat(count("project")).isZero();

        long id = create("gxj-reviewer", body("重复", null));
        HttpApi.expect(409, call("donghu-verifier", "POST", "/api/projects", HttpApi.toJson(body("重复", null))));
        Map<String, Object> otherOwner = body("重复", null);
        otherOwner.put("enterpriseId", enterprise(JIXIANG));
        HttpApi.expect(400, call("gxj-reviewer", "PUT", "/api/projects/" + id, HttpApi.toJson(otherOwner)));
        HttpApi.expect(404, call("gxj-reviewer", "PUT", "/api/projects/999999", HttpApi.toJson(body("x", null))));
        assertThat(count("project")).isEqualTo(1);
        assertThat(count("project_event")).isEqualTo(1);
    }

    @Test
    void monthlyReportsAreOnePerMonthCumulativeAndCorrectedWithAnAuditedReason() {
        long id = create("donghu-verifier", body("月报项目", null));
        String base = "/api/projects/" + id + "/reports";
        HttpApi.expect(201, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-06\",\"cumulativeInvestment\":\"30000000.00\",\"cumulativeEquipmentInvestment\":\"18000000.00\"}"));
        JsonNode aug = HttpApi.expect(201, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-08\",\"cumulativeInvestment\":\"45000000.00\",\"cumulativeEquipmentInvestment\":\"29800000.00\",\"note\":\"设备到货\"}"));
        assertThat(aug.get("investmentSincePreviousReport").decimalValue()).isEqualByComparingTo("15000000.00");
        assertThat(aug.get("equipmentSincePreviousReport").decimalValue()).isEqualByComparingTo("11800000.00");
        assertThat(aug.get("progress").decimalValue()).isEqualByComparingTo("1.000000");

        // one report per month
        HttpApi.expect(409, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-08\",\"cumulativeInvestment\":\"45000000.00\",\"cumulativeEquipmentInvestment\":\"0\"}"));
        // cumulative values never decrease, and must fit between the neighbouring months
        assertThat(fields(HttpApi.expect(400, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-07\",\"cumulativeInvestment\":\"29999999.99\",\"cumulativeEquipmentInvestment\":\"30000000.00\"}"))))
                .containsExactlyInAnyOrder("cumulativeInvestment", "cumulativeEquipmentInvestment", "cumulativeEquipmentInvestment");
        assertThat(fields(HttpApi.expect(400, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-07\",\"cumulativeInvestment\":\"45000000.01\",\"cumulativeEquipmentInvestment\":\"18000000.00\"}"))))
                .containsExactly("cumulativeInvestment");
        assertThat(fields(HttpApi.expect(400, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-7\",\"cumulativeInvestment\":\"1.00\",\"cumulativeEquipmentInvestment\":\"0\"}"))))
                .containsExactly("month");
        assertThat(fields(HttpApi.expect(400, call("donghu-verifier", "POST", base,
                "{\"month\":\"2999-01\",\"cumulativeInvestment\":\"50000000.00\",\"cumulativeEquipmentInvestment\":\"0.001\"}"))))
                .containsExactlyInAnyOrder("cumulativeEquipmentInvestment", "month");
        assertThat(count("project_report")).isEqualTo(2);

        // correction: a reason is required; the old and new values, who and why are in the history
        String correction = "{\"cumulativeInvestment\":\"44000000.00\",\"cumulativeEquipmentInvestment\":\"29000000.00\"}";
        assertThat(fields(HttpApi.expect(400, call("donghu-verifier", "PUT", base + "/2023-08", correction))))
                .containsExactly("correctionReason");
        HttpApi.expect(403, call("xihu-verifier", "PUT", base + "/2023-08",
                "{\"cumulativeInvestment\":\"44000000.00\",\"cumulativeEquipmentInvestment\":\"29000000.00\",\"correctionReason\":\"x\"}"));
        HttpApi.expect(404, call("donghu-verifier", "PUT", base + "/2023-09",
                "{\"cumulativeInvestment\":\"44000000.00\",\"cumulativeEquipmentInvestment\":\"29000000.00\",\"correctionReason\":\"x\"}"));
        JsonNode corrected = HttpApi.expect(200, call("gxj-reviewer", "PUT", base + "/2023-08",
                "{\"cumulativeInvestment\":\"44000000.00\",\"cumulativeEquipmentInvestment\":\"29000000.00\",\"correctionReason\":\"统计口径调整\"}"));
        assertThat(corrected.get("cumulativeInvestment").decimalValue()).isEqualByComparingTo("44000000.00");
        assertThat(corrected.get("correctedBy").asText()).isEqualTo("gxj-reviewer");
        assertThat(corrected.get("reportedBy").asText()).isEqualTo("donghu-verifier");

        JsonNode history = HttpApi.expect(200, call("donghu-verifier", "GET", "/api/projects/" + id + "/history", null));
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("REPORT_CORRECTED");
        assertThat(last.get("actor").asText()).isEqualTo("gxj-reviewer");
        assertThat(last.get("reportMonth").asText()).isEqualTo("2023-08");
        assertThat(last.get("detail").asText()).contains("45000000.00", "44000000.00", "统计口径调整");
        assertThat(last.get("at").asText()).isNotBlank();

        // the enterprise reads the reports of its project
        assertThat(HttpApi.expect(200, call("ent-hongdu", "GET", base, null))).hasSize(2);
    }

    @Test
    void progressComparisonIsReadableByWhoReadsTheProject() {
        long id = create("donghu-verifier", body("进度项目", null));
        String base = "/api/projects/" + id + "/reports";
        HttpApi.expect(201, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-06\",\"cumulativeInvestment\":\"9000000.00\",\"cumulativeEquipmentInvestment\":\"0\"}"));
        HttpApi.expect(201, call("donghu-verifier", "POST", base,
                "{\"month\":\"2023-09\",\"cumulativeInvestment\":\"18000000.00\",\"cumulativeEquipmentInvestment\":\"0\"}"));
        JsonNode p = HttpApi.expect(200, call("ent-hongdu", "GET", "/api/projects/" + id + "/progress", null));
        assertThat(p.get("from").asText()).isEqualTo("2023-07");
        assertThat(p.get("to").asText()).isEqualTo("2023-09");
        assertThat(p.get("projectAverage").decimalValue()).isEqualByComparingTo("0.266667"); // (0.2 + 0.2 + 0.4) / 3
        assertThat(p.get("overallAverage").decimalValue()).isEqualByComparingTo("0.266667");
        assertThat(p.get("exceedsOverall").asBoolean()).isFalse();
        assertThat(p.get("basisZh").asText()).contains("相等不符合");
        HttpApi.expect(403, call("xihu-verifier", "GET", "/api/projects/" + id + "/progress", null));
        HttpApi.expect(400, call("gxj-reviewer", "GET", "/api/projects/" + id + "/progress?from=2023-09&to=2023-07", null));
    }

    @SuppressWarnings("unused")
    private static String text(HttpResponse<String> r) {
        return r.body();
    }
}
