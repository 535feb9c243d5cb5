package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12 item 6: a message is visible only to its recipients. Over HTTP on MariaDB, every role reads only its own
 * messages (default deny), another recipient's or a forged message id is 404 (the same answer as an id that does
 * not exist, so ids do not leak), bad paging is a bilingual 400, and no attempt leaves a read mark behind.
 */
class InboxAttackTest extends CaseAttackBase {

    private static final String FAMILY = "inbox";

    @Test
    void messagesAreVisibleOnlyToTheirRecipients() {
        String caseNumber = atLocalitySupplement();
        RawHttp enterprise = http(applicantOf(caseNumber));
        RawHttp verifier = http(LOCALITY);
        List<String> outsiders = new ArrayList<>(roles(applicantOf(caseNumber)));
        outsiders.removeAll(List.of(applicantOf(caseNumber), LOCALITY));
        outsiders.add(ADMIN);

        JsonNode unitMessage = only(verifier, caseNumber, "NEW_TASK");
        JsonNode enterpriseMessage = only(enterprise, caseNumber, "SUPPLEMENT_REQUESTED");
        assertThat(enterpriseMessage.path("title").path("zh").asText()).isEqualTo("请补正材料：" + caseNumber);
        assertThat(enterpriseMessage.path("read").asBoolean()).isFalse();
        assertThat(enterpriseMessage.toString()).contains("请补充发票").doesNotContain(LOCALITY);
        assertThat(unitMessage.toString()).contains(caseNumber, "属地核实").doesNotContain("60000000");
        long toUnit = unitMessage.path("id").asLong();
        long toEnterprise = enterpriseMessage.path("id").asLong();

        // default deny: no other role lists them, marks them read or learns they exist
        for (String outsider : outsiders) {
            RawHttp other = http(outsider);
            JsonNode list = other.get("/api/inbox?size=100").json();
            boolean hidden = list != null && list.path("items").findValues("caseNumber").stream().noneMatch(n -> n.asText().equals(caseNumber));
            AttackLedger.record(FAMILY, hidden, outsider + " lists " + caseNumber);
            assertThat(hidden).as(outsider + " lists the case's messages").isTrue();
            refused(outsider + " marks the unit's message read", 404, other.send("POST", "/api/inbox/" + toUnit + "/read", null, null, Map.of()));
            refused(outsider + " marks the enterprise's message read", 404,
                    other.send("POST", "/api/inbox/" + toEnterprise + "/read", null, null, Map.of()));
        }
        refused("the locality marks the enterprise's message read", 404,
                verifier.send("POST", "/api/inbox/" + toEnterprise + "/read", null, null, Map.of()));
        refused("the enterprise marks the locality's message read", 404,
                enterprise.send("POST", "/api/inbox/" + toUnit + "/read", null, null, Map.of()));
        String missing = http(OTHER_LOCALITY).send("POST", "/api/inbox/" + toUnit + "/read", null, null, Map.of()).body();
        String absent = http(OTHER_LOCALITY).send("POST", "/api/inbox/987654321012/read", null, null, Map.of()).body();
        assertThat(missing.replace(Long.toString(toUnit), "#")).as("another's id answers as an absent one")
                .isEqualTo(absent.replace("987654321012", "#"));

        // forged ids and bad paging
        for (String id : List.of("0", "-1", "987654321012", "9223372036854775807")) {
            refused("forged id " + id, 404, enterprise.send("POST", "/api/inbox/" + id + "/read", null, null, Map.of()));
        }
        for (String id : List.of("abc", "1e3", "9223372036854775808", "1;DROP%20TABLE%20inbox_message", "%2e%2e")) {
            RawHttp.Response response = enterprise.send("POST", "/api/inbox/" + id + "/read", null, null, Map.of());
            boolean refused = response.status() >= 400 && response.status() < 500;
            AttackLedger.record(FAMILY, refused, "forged id " + id + " → " + response);
            assertThat(refused).as("forged id %s: %s", id, response).isTrue();
        }
        for (String query : List.of("page=-1", "size=0", "size=101", "size=abc", "page=99999999999", "size=1e2", "unread=maybe",
                "page=100001")) {
            refused("paging " + query, 400, enterprise.get("/api/inbox?" + query));
        }
        refused("someone else's message through a body", 415, enterprise.send("POST", "/api/inbox/" + toUnit + "/read",
                "text/plain", "x".getBytes(), Map.of()));
        RawHttp.Response anonymous = RawHttp.as(port, "nobody", "wrong").get("/api/inbox");
        AttackLedger.record(FAMILY, anonymous.status() == 401, "no valid login → " + anonymous);
        assertThat(anonymous.status()).isEqualTo(401);

        // nothing above left a read mark: still unread for both recipients
        assertThat(only(enterprise, caseNumber, "SUPPLEMENT_REQUESTED").path("read").asBoolean()).isFalse();
        assertThat(only(verifier, caseNumber, "NEW_TASK").path("read").asBoolean()).isFalse();

        // the recipients themselves: read one, then all
        long unread = enterprise.get("/api/inbox/unread-count").json().path("unread").asLong();
        assertThat(enterprise.send("POST", "/api/inbox/" + toEnterprise + "/read", null, null, Map.of()).status()).isEqualTo(204);
        assertThat(enterprise.get("/api/inbox/unread-count").json().path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(enterprise.get("/api/inbox?unread=true").json().path("items").findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(toEnterprise);
        long newest = verifier.get("/api/inbox?size=1").json().path("items").get(0).path("id").asLong();
        assertThat(verifier.json("POST", "/api/inbox/read-all", "{\"upTo\":" + newest + "}", Map.of()).status())
                .isEqualTo(200);
        assertThat(verifier.get("/api/inbox/unread-count").json().path("unread").asLong()).isZero();
        assertThat(http(LOCALITY).get("/api/inbox?size=1").json().path("items").size()).isEqualTo(1);
    }

    /** The one message of this kind for the case in the caller's inbox. */
    private static JsonNode only(RawHttp as, String caseNumber, String kind) {
        RawHttp.Response response = as.get("/api/inbox?size=100");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        response.json().path("items").forEach(m -> {
            if (caseNumber.equals(m.path("caseNumber").asText()) && kind.equals(m.path("kind").asText())) {
                found.add(m);
            }
        });
        assertThat(found).as(kind + " for " + caseNumber).hasSize(1);
        return found.get(0);
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
