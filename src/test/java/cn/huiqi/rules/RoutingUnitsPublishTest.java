package cn.huiqi.rules;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;

/**
 * Issue 17 item 2: publishing a routing table (demand-routing, responsible-units) is refused when an output names a unit
 * that does not exist or is inactive: validate says which row and which id, the what-if answers 400, and a draft whose unit
 * was retired after its what-if is refused on publish with a 400 that changes nothing.
 */
@RulesWebTest
class RoutingUnitsPublishTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"demand-routing, rule-recruitment-city-unit, rules.rule-recruitment-city.output-unit, route-test-a",
            "responsible-units, rule-m7-review, rules.rule-m7.output-review-units, route-test-b"})
    void aDraftNamingAMissingOrRetiredUnitIsNotPublished(String key, String cell, String field, String unitId) {
        HttpApi staff = HttpApi.as(port, "policy-staff", "demo");
        HttpApi admin = HttpApi.as(port, "admin", "demo");
        JsonNode inForce = Drafts.detail(staff, key);
        int version = inForce.get("decision").get("current").get("version").asInt();
        String xml = inForce.get("xml").asText();
        assertThat(inForce.get("decision").get("kind").asText()).isEqualTo("routing");

        // a unit that does not exist: validate names the row and the id; the what-if refuses it
        String unknown = Drafts.withCell(xml, cell, key.equals("demand-routing") ? "\"nosuch\"" : "\"gxj,nosuch\"");
        JsonNode validation = expect(200, staff.post("/api/rules/" + key + "/validate", toJson(Map.of("xml", unknown))));
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("problems")).singleElement().satisfies(p -> {
            assertThat(p.get("field").asText()).isEqualTo(field);
            assertThat(p.get("zh").asText()).contains("nosuch").contains("不存在").contains("第");
            assertThat(p.get("en").asText()).contains("nosuch").contains("does not exist").contains("row");
        });
        assertThat(expect(400, staff.post("/api/rules/" + key + "/what-if", toJson(Map.of("xml", unknown)))).toString()).contains("nosuch");

        // a unit that exists when the what-if runs and is retired before publishing
        expect(201, admin.post("/api/units", toJson(Map.of("id", unitId, "nameZh", "测试办理单位" + unitId, "nameEn", "Test unit " + unitId))));
        String draft = Drafts.withCell(xml, cell, key.equals("demand-routing") ? "\"" + unitId + "\"" : "\"gxj," + unitId + "\"");
        JsonNode whatIf = expect(200, staff.post("/api/rules/" + key + "/what-if", toJson(Map.of("xml", draft))));
        expect(200, admin.put("/api/units/" + unitId, toJson(Map.of("active", false))));
        JsonNode refused = expect(400, staff.post("/api/rules/" + key + "/publish", toJson(Map.of("xml", draft, "note", "改由测试单位办理",
                "whatIfToken", whatIf.get("token").asText(), "scope", "NEXT_ROUND"))));
        assertThat(refused.get("errors")).singleElement().satisfies(p -> {
            assertThat(p.get("field").asText()).isEqualTo(field);
            assertThat(p.get("zh").asText()).contains(unitId).contains("已停用");
            assertThat(p.get("en").asText()).contains(unitId).contains("inactive");
        });
        JsonNode after = Drafts.detail(staff, key);
        assertThat(after.get("decision").get("current").get("version").asInt()).isEqualTo(version);
        assertThat(after.get("xml").asText()).isEqualTo(xml);

        // the control: active again, the same draft is valid
        expect(200, admin.put("/api/units/" + unitId, toJson(Map.of("active", true))));
        assertThat(expect(200, staff.post("/api/rules/" + key + "/validate", toJson(Map.of("xml", draft)))).get("valid").asBoolean()).isTrue();
    }
}
