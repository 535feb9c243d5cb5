package cn.huiqi.casefile;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.attack.AttackLedger;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.project.ProjectRepository;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;

/**
 * POST /api/measures/{id}/applications/preview: the submission's body, checks and applicant, then the measure's
 * rule table in the open round's version; provisional, and it stores nothing (no case, no order, no claim).
 */
@QuickStartTest
class ApplicationPreviewApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseRecordRepository cases;
    @Autowired
    ProjectRepository projects;
    @Autowired
    EnterpriseRepository enterprises;

    long casesBefore;

    @BeforeEach
    void count() {
        casesBefore = cases.count();
    }

    @AfterEach
    void nothingStored() {
        assertThat(cases.count()).as("a preview opens no case").isEqualTo(casesBefore);
    }

    @Test
    void measureOneOrdersThatQualifyShowTheTierAndItsPolicyAmount() {
        JsonNode preview = expect(200, HttpApi.as(port, "ent-hongdu", "demo").post("/api/measures/M1/applications/preview",
                toJson(Map.of("orders", List.of(order("120000000.00"), order("30000000.00"))))));
        assertThat(preview.get("measure").asText()).isEqualTo("M1");
        assertThat(preview.get("qualifies").asBoolean()).isTrue();
        // 洪府办发〔2023〕81号 第1条: an order of 1亿元以上 earns 10万元 (the table reads it per order: the 1.2亿元 one)
        assertThat(preview.get("rewardAmount").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(preview.get("labelledDefault").asBoolean()).as("measure 1's amounts are the policy's own").isFalse();
        assertThat(preview.get("ruleTable").asText()).isEqualTo("order-reward");
        assertThat(preview.get("ruleVersion").asInt()).isPositive();
    }

    @Test
    void measureOneOrdersThatDoNotQualifySayWhyInTheTablesWords() {
        JsonNode preview = expect(200, HttpApi.as(port, "ent-hongdu", "demo").post("/api/measures/M1/applications/preview",
                toJson(Map.of("orders", List.of(order("12000000.00"))))));
        assertThat(preview.get("qualifies").asBoolean()).isFalse();
        assertThat(preview.get("rewardAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(preview.get("reason").asText()).contains("未达到5000万元").contains("below CNY 50,000,000");
    }

    @Test
    void measureTwoSaysWhenALabelledDefaultRateDecides() {
        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("taxableRevenue", "600000000.00");
        growth.put("priorYearRevenue", "500000000.00");
        growth.put("revenueEvidence", "增值税申报表");
        JsonNode preview = expect(200, HttpApi.as(port, "ent-ganjiang", "demo").post("/api/measures/M2/applications/preview",
                toJson(growth)));
        assertThat(preview.get("qualifies").asBoolean()).isTrue();
        assertThat(preview.get("rewardAmount").decimalValue()).isEqualByComparingTo("900000.00"); // 6亿元 × 0.15 % (default)
        assertThat(preview.get("labelledDefault").asBoolean()).isTrue();
        assertThat(preview.get("defaultNote").asText()).startsWith("系统默认比例，待政策部门确认");

        growth.put("priorYearRevenue", "700000000.00"); // no growth: not eligible, no default decides
        JsonNode shrinking = expect(200, HttpApi.as(port, "ent-ganjiang", "demo").post("/api/measures/M2/applications/preview",
                toJson(growth)));
        assertThat(shrinking.get("qualifies").asBoolean()).isFalse();
        assertThat(shrinking.get("labelledDefault").asBoolean()).isFalse();
    }

    @Test
    void badInputIsABilingual400() {
        HttpApi hongdu = HttpApi.as(port, "ent-hongdu", "demo");
        JsonNode noOrders = expect(400, hongdu.post("/api/measures/M1/applications/preview", "{\"orders\":[]}"));
        assertThat(noOrders.get("errors").get(0).get("field").asText()).startsWith("orders");
        assertThat(noOrders.get("errors").get(0).get("zh").asText()).isNotBlank();
        assertThat(noOrders.get("errors").get(0).get("en").asText()).isNotBlank();
        JsonNode notANumber = expect(400, hongdu.post("/api/measures/M1/applications/preview",
                toJson(Map.of("orders", List.of(order("一千万"))))));
        assertThat(notANumber.get("errors").get(0).get("field").asText()).contains("orderAmount");
        JsonNode library = expect(400, hongdu.post("/api/measures/M4/applications/preview", "{}"));
        assertThat(library.get("errors").get(0).get("zh").asText()).contains("不受理申请");
        assertThat(HttpApi.anonymous(port).post("/api/measures/M1/applications/preview", "{}").statusCode()).isEqualTo(401);
        JsonNode staff = expect(400, HttpApi.as(port, "gxj-reviewer", "demo").post("/api/measures/M1/applications/preview",
                toJson(Map.of("orders", List.of(order("60000000.00"))))));
        assertThat(staff.get("errors").get(0).get("field").asText()).isEqualTo("applicant");
    }

    /** Attack family "preview-other-enterprise": a preview reading another enterprise's project or applying for it. */
    @Test
    void anotherEnterprisesDataIsNeverUsed() {
        HttpApi hongdu = HttpApi.as(port, "ent-hongdu", "demo");
        long anyiProject = projects.findAll().stream().filter(p -> p.getName().equals("节能型铝型材挤压生产线技术改造项目"))
                .findFirst().orElseThrow().getId();
        // another enterprise's project: refused as if it did not exist, no figure of it shown
        JsonNode project = expect(400, hongdu.post("/api/measures/M3/applications/preview",
                toJson(Map.of("projectId", Long.toString(anyiProject), "equipmentEvidence", "设备发票"))));
        AttackLedger.record("preview-other-enterprise", !project.toString().contains("节能型铝型材")
                && "projectId".equals(project.get("errors").get(0).get("field").asText()), "ent-hongdu previews ent-anyi's project");
        assertThat(project.get("errors").get(0).get("field").asText()).isEqualTo("projectId");
        assertThat(project.toString()).doesNotContain("节能型铝型材");
        // naming another enterprise without an authorisation
        long anyi = enterprises.findAll().stream().filter(e -> e.getName().startsWith("安义")).findFirst().orElseThrow().getId();
        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("taxableRevenue", "600000000.00");
        growth.put("priorYearRevenue", "500000000.00");
        growth.put("revenueEvidence", "增值税申报表");
        growth.put("enterpriseId", anyi);
        JsonNode named = expect(400, hongdu.post("/api/measures/M2/applications/preview", toJson(growth)));
        AttackLedger.record("preview-other-enterprise", "enterpriseId".equals(named.get("errors").get(0).get("field").asText()),
                "ent-hongdu previews for ent-anyi without an authorisation");
        assertThat(named.get("errors").get(0).get("field").asText()).isEqualTo("enterpriseId");
        // the owner previews its own project
        JsonNode own = expect(200, HttpApi.as(port, "ent-anyi", "demo").post("/api/measures/M3/applications/preview",
                toJson(Map.of("projectId", Long.toString(anyiProject), "equipmentEvidence", "设备发票"))));
        assertThat(own.get("measure").asText()).isEqualTo("M3");
        assertThat(own.get("labelledDefault").asBoolean()).isEqualTo(own.get("qualifies").asBoolean());
    }

    private static Map<String, Object> order(String amount) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", "上海某贸易有限公司");
        order.put("contractNumber", "PRE-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", amount);
        order.put("executionEvidence", "出库单 CK-2023-0818");
        return order;
    }
}
