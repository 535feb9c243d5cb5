package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15 item 4: only the lead bureau starts a settlement, only finance records payments and failures; the page
 * shows the buttons that {@code GET /api/settlements/abilities} allows, and the endpoints refuse everyone else
 * (default deny), whatever the page shows. Item 5: only policy staff confirm a version's default rates, with a note,
 * once, and only where the table has default rates. Counted per attempt (AttackLedger).
 */
class SettlementRolesAttackTest extends CaseAttackBase {

    private static final String FAMILY = "settlement-roles";
    private static final String GXJ = CITY.get("gxj");
    private static final String CZJ = CITY.get("czj");

    @Test
    void onlyTheLeadBureauStartsAndOnlyFinancePays() {
        List<String> notStarters = new ArrayList<>(roles(OTHER_ENTERPRISE));
        notStarters.remove(GXJ);
        for (String user : notStarters) {
            refused(user + " starts a settlement", 403, http(user).json("POST", "/api/settlements", "{\"measure\":\"M1\"}"));
            JsonNode abilities = http(user).get("/api/settlements/abilities").json();
            boolean hidden = abilities != null && !abilities.path("start").asBoolean();
            AttackLedger.record(FAMILY, hidden, user + " is offered 发起结算: " + abilities);
            assertThat(hidden).as(user + " sees 发起结算").isTrue();
        }
        List<String> notPayers = new ArrayList<>(roles(OTHER_ENTERPRISE));
        notPayers.remove(CZJ);
        notPayers.add(ADMIN);
        String payment = "{\"payments\":[{\"caseNumber\":\"M1-2023-000001\",\"paymentReference\":\"X-1\",\"paymentDate\":\"2023-11-30\"}]}";
        for (String user : notPayers) {
            refused(user + " records a payment", 403, http(user).json("POST", "/api/settlements/1/payments", payment));
            refused(user + " records a failure", 403, http(user).json("POST", "/api/settlements/1/failures",
                    "{\"caseNumber\":\"M1-2023-000001\",\"reason\":\"x\"}"));
            boolean hidden = !http(user).get("/api/settlements/abilities").json().path("pay").asBoolean();
            AttackLedger.record(FAMILY, hidden, user + " is offered the payment buttons");
            assertThat(hidden).as(user + " sees the payment buttons").isTrue();
        }
        refused("an enterprise reads the settlements", 403, http(OTHER_ENTERPRISE).get("/api/settlements/1"));
        refused("an enterprise downloads the payment list", 403, http(OTHER_ENTERPRISE).get("/api/settlements/1/payment-list.xlsx"));

        // the legitimate roles are offered exactly their own actions
        assertThat(http(GXJ).get("/api/settlements/abilities").json().toString())
                .isEqualTo("{\"read\":true,\"start\":true,\"pay\":false,\"paymentList\":false}");
        assertThat(http(CZJ).get("/api/settlements/abilities").json().toString())
                .isEqualTo("{\"read\":true,\"start\":false,\"pay\":true,\"paymentList\":true}");
        assertThat(http(OTHER_ENTERPRISE).get("/api/settlements/abilities").json().toString())
                .isEqualTo("{\"read\":false,\"start\":false,\"pay\":false,\"paymentList\":false}");
    }

    @Test
    void onlyPolicyStaffConfirmDefaultRatesOnceWithANote() {
        String path = "/api/rules/growth-reward/versions/1/confirmation";
        List<String> others = new ArrayList<>(roles(OTHER_ENTERPRISE));
        others.remove(POLICY);
        others.add(ADMIN);
        for (String user : others) {
            refused(user + " confirms the default rates", 403, http(user).json("POST", path, "{\"note\":\"确认\"}"));
        }
        refused("a confirmation without a note", 400, http(POLICY).json("POST", path, "{\"note\":\"  \"}"));
        refused("a confirmation of a table without default rates", 409,
                http(POLICY).json("POST", "/api/rules/order-reward/versions/1/confirmation", "{\"note\":\"确认\"}"));
        refused("a confirmation of a version that does not exist", 404,
                http(POLICY).json("POST", "/api/rules/growth-reward/versions/999/confirmation", "{\"note\":\"确认\"}"));
        assertThat(http(AUDITOR).get(path).json().path("provisional").asBoolean()).isTrue();

        RawHttp.Response confirmed = http(POLICY).json("POST", path, "{\"note\":\"市工信局函 2023-12 号确认比例\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(confirmed.json().path("provisional").asBoolean()).isFalse();
        assertThat(confirmed.json().path("confirmedBy").asText()).isEqualTo(POLICY);
        refused("the same version confirmed again", 409, http(POLICY).json("POST", path, "{\"note\":\"再次\"}"));
    }

    private static void refused(String what, int status, RawHttp.Response response) {
        boolean refused = response.status() == status && response.body().contains("\"zh\"");
        AttackLedger.record(FAMILY, refused, what + " → " + response);
        assertThat(refused).as("%s: %s", what, response).isTrue();
    }

    private RawHttp http(String user) {
        return RawHttp.as(port, user, PASSWORD);
    }
}
