package cn.huiqi.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cn.huiqi.testsupport.HttpApi;

/** GET /api/fund/pools and /api/fund/localities: shape, numbers, and who may read them. */
class FundApiTest extends FundH2TestBase {

    private HttpApi as(String user) {
        return HttpApi.as(port, user, "demo");
    }

    @Test
    void poolsAreAnArrayOfPackageAndThePayingMeasuresWithExactAmounts() {
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        ledger.commit(c, m("80000.00"), "system");

        var response = as("policy-staff").get("/api/fund/pools");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode pools = exact(response.body());
        assertThat(pools.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        pools.forEach(pool -> ids.add(pool.get("id").asText()));
        // the paying measures of the catalogue; the rows of M4, M7..M9 that V4 made are no pools any more
        assertThat(ids).containsExactly("PACKAGE", "M1", "M2", "M3", "M5", "M6");
        for (JsonNode pool : pools) {
            for (String field : List.of("cap", "reserved", "committed", "paid", "remaining")) {
                assertThat(pool.get(field).isNumber()).as(pool.get("id") + "." + field).isTrue();
                assertThat(pool.get(field).decimalValue().scale()).as(pool.get("id") + "." + field).isEqualTo(2);
            }
        }
        JsonNode pkg = pools.get(0);
        assertThat(pkg.get("cap").decimalValue()).isEqualByComparingTo("100000000.00");
        assertThat(pkg.get("committed").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(pkg.get("remaining").decimalValue()).isEqualByComparingTo("99920000.00");
        JsonNode m1 = pools.get(1);
        assertThat(m1.get("cap").decimalValue()).isEqualByComparingTo("5000000.00");
        assertThat(m1.get("reserved").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(m1.get("committed").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(m1.get("paid").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(m1.get("remaining").decimalValue()).isEqualByComparingTo("4920000.00");
        assertThat(m1.get("rule").asText()).isEqualTo("PRO_RATA");
        assertThat(m1.get("ruleZh").asText()).isEqualTo("按比例缩减");
        assertThat(m1.get("ruleEn").asText()).isEqualTo("pro-rata scaling");
        assertThat(pools.get(2).get("cap").decimalValue()).isEqualByComparingTo("99000000.00");
        assertThat(pools.get(3).get("cap").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(pools.get(3).get("capSet").asBoolean()).isFalse();

        String raw = as("czj-finance").get("/api/fund/pools").body();
        assertThat(raw).contains("\"cap\":100000000.00").contains("\"committed\":80000.00");
    }

    /** The body parsed with BigDecimal numbers (HttpApi's parser reads doubles), so the scale is visible. */
    private static JsonNode exact(String body) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    @Test
    void onlyPolicyStaffFinanceOperatorsAndAuditorsReadTheFund() {
        for (String user : List.of("policy-staff", "czj-finance", "admin")) {
            assertThat(as(user).get("/api/fund/pools").statusCode()).as(user).isEqualTo(200);
            assertThat(as(user).get("/api/fund/localities").statusCode()).as(user).isEqualTo(200);
        }
        for (String user : List.of("ent-hongdu", "donghu-verifier", "gxj-reviewer", "swj-reviewer")) {
            var response = as(user).get("/api/fund/pools");
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            assertThat(response.body()).contains("无权执行此操作");
            assertThat(as(user).get("/api/fund/localities").statusCode()).as(user).isEqualTo(403);
            assertThat(as(user).get("/api/fund/check").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).get("/api/fund/pools").statusCode()).isEqualTo(401);
    }

    @Test
    void localityTotalsFollowTheCasesLocality() {
        long donghu = newCase("M1", HONGDU);
        long qingshanhu = newCase("M1", JIXIANG);
        long qingshanhu2 = newCase("M2", JIXIANG);
        ledger.reserve("M1", donghu, m("100000.00"), "gxj-reviewer");
        ledger.reserve("M1", qingshanhu, m("50000.00"), "gxj-reviewer");
        ledger.commit(qingshanhu, m("50000.00"), "system");
        ledger.pay(qingshanhu, "CZ-7", java.time.LocalDate.of(2023, 11, 8), "czj-finance");
        ledger.reserve("M2", qingshanhu2, m("20000.00"), "gxj-reviewer");

        JsonNode all = as("policy-staff").getJson("/api/fund/localities");
        assertThat(all).hasSize(13);
        assertThat(all.get(0).get("id").asText()).isEqualTo("donghu");
        assertThat(all.get(0).get("nameZh").asText()).isEqualTo("东湖区");
        assertThat(all.get(0).get("reserved").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(all.get(0).get("cases").asLong()).isEqualTo(1);
        JsonNode qsh = all.get(3);
        assertThat(qsh.get("id").asText()).isEqualTo("qingshanhu");
        assertThat(qsh.get("paid").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(qsh.get("reserved").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(qsh.get("cases").asLong()).isEqualTo(2);
        assertThat(all.get(1).get("reserved").decimalValue()).isEqualByComparingTo("0.00");

        JsonNode m1Only = as("czj-finance").getJson("/api/fund/localities?measure=M1");
        assertThat(m1Only.get(3).get("reserved").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(m1Only.get(3).get("cases").asLong()).isEqualTo(1);
        assertThat(as("czj-finance").get("/api/fund/localities?measure=M10").statusCode()).isEqualTo(400);

        JsonNode check = as("admin").getJson("/api/fund/check");
        check.forEach(pool -> assertThat(pool.get("consistent").asBoolean()).as(pool.get("poolId").asText()).isTrue());
    }
}
