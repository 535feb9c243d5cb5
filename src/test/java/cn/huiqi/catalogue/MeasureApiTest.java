package cn.huiqi.catalogue;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.project.ProjectRepository;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;

/**
 * GET /api/measures (public: the policy's own content) and the one submit path POST /api/measures/{id}/applications
 * (the quick start's demo enterprises and projects, on the H2 of {@link QuickStartTest}).
 */
@QuickStartTest
class MeasureApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectRepository projects;

    @Test
    void anyoneReadsThePolicyAndItsMeasuresWithTheUnitsOfTheRoutingTable() {
        JsonNode catalogue = expect(200, HttpApi.anonymous(port).get("/api/measures"));

        JsonNode policy = catalogue.get("policies").get(0);
        assertThat(catalogue.get("policies")).hasSize(1);
        assertThat(policy.get("id").asText()).isEqualTo("hfbf-2023-81");
        assertThat(policy.get("docNumber").asText()).isEqualTo("洪府办发〔2023〕81号");
        assertThat(policy.get("title").get("zh").asText()).isEqualTo("关于支持工业企业稳生产拓市场提质效的若干措施");
        assertThat(policy.get("issuer").get("zh").asText()).isEqualTo("南昌市人民政府办公室");
        assertThat(policy.get("validUntil").asText()).isEqualTo("2023-12-31");
        assertThat(policy.get("fundTotal").decimalValue()).isEqualByComparingTo("100000000.00");

        JsonNode measures = catalogue.get("measures");
        List<String> ids = new ArrayList<>();
        measures.forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9");

        JsonNode m1 = measures.get(0);
        assertThat(m1.get("clause").asText()).isEqualTo("第1条");
        assertThat(m1.get("name").get("en").asText()).isNotBlank();
        assertThat(m1.get("applicant").asText()).isEqualTo("ENTERPRISE");
        assertThat(m1.get("processKeys")).extracting(JsonNode::asText).containsExactly("m1-order-reward");
        assertThat(m1.get("ruleTables")).extracting(JsonNode::asText).containsExactly("order-reward");
        assertThat(m1.get("paysMoney").asBoolean()).isTrue();
        assertThat(m1.get("pool").asText()).isEqualTo("M1");
        assertThat(m1.get("poolCap").decimalValue()).isEqualByComparingTo("5000000.00");
        assertThat(m1.get("continuous").asBoolean()).isFalse();
        assertThat(m1.get("applicationPath").asText()).isEqualTo("/api/measures/M1/applications");
        // units: what DMN responsible-units in force says for M1, names from table unit
        JsonNode units = m1.get("units");
        assertThat(units.get("review")).extracting(u -> u.get("id").asText()).containsExactly("gxj", "swj");
        assertThat(units.get("review").get(0).get("name").get("zh").asText()).isEqualTo("市工信局");
        assertThat(units.get("review").get(1).get("name").get("zh").asText()).isEqualTo("市商务局");
        assertThat(units.get("lead").get("id").asText()).isEqualTo("gxj");
        assertThat(units.get("finance").get("id").asText()).isEqualTo("czj");
        assertThat(units.get("finance").get("name").get("zh").asText()).isEqualTo("市财政局");
        assertThat(absent(units, "problem")).isTrue();

        JsonNode m8 = measures.get(7);
        assertThat(m8.get("units").get("review")).extracting(u -> u.get("id").asText()).containsExactly("jrb", "gxj", "zxqyj", "ctjt");
        assertThat(m8.get("units").get("lead").get("id").asText()).isEqualTo("jrb");
        assertThat(absent(m8.get("units"), "finance")).isTrue(); // pays nothing
        assertThat(absent(m8, "pool")).isTrue();
        assertThat(absent(m8, "applicationPath")).isTrue();
        assertThat(m8.get("continuous").asBoolean()).isTrue();
    }

    @Test
    void oneMeasureByIdAndABilingual404ForAnUnknownOne() {
        JsonNode m3 = expect(200, HttpApi.anonymous(port).get("/api/measures/M3"));
        assertThat(m3.get("applicant").asText()).isEqualTo("PROJECT_OWNER");
        assertThat(m3.get("units").get("review")).extracting(u -> u.get("id").asText()).containsExactly("gxj");

        JsonNode unknown = expect(404, HttpApi.anonymous(port).get("/api/measures/M99"));
        JsonNode error = unknown.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("measure");
        assertThat(error.get("zh").asText()).contains("M99");
        assertThat(error.get("en").asText()).contains("M99");
        // signed-in callers read it too
        expect(200, HttpApi.as(port, "ent-hongdu", "demo").get("/api/measures"));
    }

    @Test
    void measureOneTwoAndThreeTakeApplicationsOnTheOnePath() {
        String key = UUID.randomUUID().toString();
        String orders = toJson(Map.of("orders", List.of(order())));
        HttpApi hongdu = HttpApi.as(port, "ent-hongdu", "demo");
        JsonNode m1 = expect(201, hongdu.post("/api/measures/M1/applications", orders, "Idempotency-Key", key));
        assertThat(m1.get("measure").asText()).isEqualTo("M1");
        JsonNode replay = expect(200, hongdu.post("/api/measures/M1/applications", orders, "Idempotency-Key", key));
        assertThat(replay.get("caseNumber").asText()).isEqualTo(m1.get("caseNumber").asText());
        // the alias is the same submission: the same key and body answer the same case
        assertThat(expect(200, hongdu.post("/api/m1/applications", orders, "Idempotency-Key", key)).get("caseNumber").asText())
                .isEqualTo(m1.get("caseNumber").asText());

        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("taxableRevenue", "600000000.00");
        growth.put("priorYearRevenue", "500000000.00");
        growth.put("revenueEvidence", "增值税申报表");
        JsonNode m2 = expect(201, HttpApi.as(port, "ent-ganjiang", "demo").post("/api/measures/M2/applications", toJson(growth),
                "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(m2.get("measure").asText()).isEqualTo("M2");

        long project = projects.findAll().stream().filter(p -> p.getName().equals("节能型铝型材挤压生产线技术改造项目")).findFirst()
                .orElseThrow().getId();
        JsonNode m3 = expect(201, HttpApi.as(port, "ent-anyi", "demo").post("/api/measures/M3/applications",
                toJson(Map.of("projectId", Long.toString(project), "equipmentEvidence", "设备发票")), "Idempotency-Key",
                UUID.randomUUID().toString()));
        assertThat(m3.get("measure").asText()).isEqualTo("M3");
    }

    @Test
    void theBodyIsTheMeasuresOwnAndMeasuresWithoutApplicationsRefuse() {
        HttpApi jixiang = HttpApi.as(port, "ent-jixiang", "demo");
        // the M1 body is checked as /api/m1/applications checks it
        JsonNode invalid = expect(400, jixiang.post("/api/measures/M1/applications", "{\"orders\":[]}", "Idempotency-Key", "k-1"));
        assertThat(invalid.get("errors").get(0).get("field").asText()).startsWith("orders");
        JsonNode wrongType = expect(400, jixiang.post("/api/measures/M2/applications", "{\"taxableRevenue\":{}}", "Idempotency-Key", "k-2"));
        assertThat(wrongType.get("errors").get(0).get("field").asText()).isEqualTo("taxableRevenue");
        JsonNode empty = expect(400, jixiang.post("/api/measures/M2/applications", "", "Idempotency-Key", "k-3"));
        assertThat(empty.get("errors").get(0).get("en").asText()).isEqualTo("The request body is required");

        JsonNode unknown = expect(404, jixiang.post("/api/measures/M99/applications", "{}", "Idempotency-Key", "k-4"));
        assertThat(unknown.get("errors").get(0).get("en").asText()).contains("M99");
        JsonNode library = expect(400, jixiang.post("/api/measures/M4/applications", "{}", "Idempotency-Key", "k-5"));
        assertThat(library.get("errors").get(0).get("field").asText()).isEqualTo("measure");
        assertThat(library.get("errors").get(0).get("en").asText()).contains("takes no applications");
        assertThat(library.get("errors").get(0).get("zh").asText()).contains("不受理申请");

        // enterprise users only, signed in only
        assertThat(HttpApi.anonymous(port).post("/api/measures/M2/applications", "{}", "Idempotency-Key", "k-6").statusCode())
                .isEqualTo(401);
        JsonNode staff = expect(400, HttpApi.as(port, "gxj-reviewer", "demo").post("/api/measures/M2/applications",
                "{\"taxableRevenue\":\"600000000.00\",\"priorYearRevenue\":\"500000000.00\",\"revenueEvidence\":\"x\"}",
                "Idempotency-Key", "k-7"));
        assertThat(staff.get("errors").get(0).get("field").asText()).isEqualTo("applicant");
    }

    @Test
    void openApiShowsEachMeasuresBody() {
        JsonNode docs = expect(200, HttpApi.as(port, "admin", "demo").get("/v3/api-docs"));
        JsonNode post = docs.get("paths").get("/api/measures/{id}/applications").get("post");
        JsonNode oneOf = post.get("requestBody").get("content").get("application/json").get("schema").get("oneOf");
        assertThat(oneOf).extracting(s -> s.get("$ref").asText()).containsExactly("#/components/schemas/OrderApplicationRequest",
                "#/components/schemas/GrowthApplicationRequest", "#/components/schemas/InvestmentApplicationRequest");
        assertThat(post.get("requestBody").get("description").asText()).contains("M1").contains("OrderApplicationRequest");
        assertThat(docs.get("components").get("schemas").has("OrderApplicationRequest")).isTrue();
        JsonNode id = post.get("parameters").get(0);
        assertThat(id.get("schema").get("enum")).extracting(JsonNode::asText).containsExactly("M1", "M2", "M3");
        // the catalogue needs no login
        assertThat(docs.get("paths").get("/api/measures").get("get").get("security")).isEmpty();
    }

    /** null or left out (the API leaves out nulls) */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    private static Map<String, Object> order() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", "上海某贸易有限公司");
        order.put("contractNumber", "CAT-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", "60000000.00");
        order.put("executionEvidence", "出库单 CK-2023-0818");
        return order;
    }
}
