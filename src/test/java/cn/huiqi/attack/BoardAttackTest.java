package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 19 items 4 and 5, default deny on MariaDB over HTTP: the fulfilment board (/api/board, its drill-down and xlsx)
 * is read by gxj, czj, auditors, 市领导, policy staff and operators, and by a locality for itself only; an enterprise, a
 * handling or statistics unit (institution-like outsiders), the other city units and a user in no group are refused; a
 * locality never reads another's figures or cases. The payment file of a batch is 市财政局's alone: every other role is
 * refused and no refused attempt is recorded as an export. Bad parameters are a bilingual 400.
 */
class BoardAttackTest extends CaseAttackBase {

    private static final String FAMILY = "fulfilment-board";
    private static final String LEADER = "atk-leader";
    private static final String HANDLING_UNIT = "atk-rsj";
    private static final String STATISTICS = "atk-tjj";
    private static final String NOBODY = "atk-nogroup";
    /** A financial institution's login (measure 8's lenders are no unit of the city): a group the board does not know. */
    private static final String BANK = "atk-bank";

    @BeforeEach
    void morePeople() {
        TestUsers.person(identityService, LEADER, "leader", PASSWORD);
        TestUsers.person(identityService, HANDLING_UNIT, "rsj", PASSWORD);
        TestUsers.person(identityService, STATISTICS, "tjj", PASSWORD);
        TestUsers.person(identityService, BANK, "bank-jxbank", PASSWORD);
        if (identityService.createUserQuery().userId(NOBODY).count() == 0) {
            var user = identityService.newUser(NOBODY);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
    }

    @Test
    void onlyTheBoardsReadersReadItAndALocalityOnlyItself() {
        String donghuCase = newCase();
        String enterprise = applicantOf(donghuCase);

        for (String reader : List.of(CITY.get("gxj"), CITY.get("czj"), AUDITOR, LEADER, POLICY, ADMIN)) {
            JsonNode board = expect(200, api(reader).get("/api/board"));
            assertThat(board.get("city").asBoolean()).as(reader).isTrue();
            assertThat(api(reader).getBytes("/api/board.xlsx").statusCode()).as(reader).isEqualTo(200);
        }
        List<String> outsiders = new ArrayList<>(List.of(enterprise, OTHER_ENTERPRISE, HANDLING_UNIT, STATISTICS, NOBODY, BANK));
        CITY.forEach((unit, user) -> {
            if (!unit.equals("gxj") && !unit.equals("czj")) {
                outsiders.add(user);
            }
        });
        for (String outsider : outsiders) {
            refused(outsider + " reads the board", 403, api(outsider).get("/api/board"));
            refused(outsider + " drills down", 403, api(outsider).get("/api/board/cases?measure=M1"));
            HttpResponse<byte[]> sheet = api(outsider).getBytes("/api/board.xlsx");
            assertThat(AttackLedger.record(FAMILY, sheet.statusCode() == 403, outsider + " downloads the board → " + sheet.statusCode())).isTrue();
            assertThat(sheet.statusCode()).as(outsider).isEqualTo(403);
        }
        refused("no login reads the board", 401, HttpApi.anonymous(port).get("/api/board"));

        // a locality: its own line, its own cases; another locality's figures or cases are refused
        JsonNode xihu = expect(200, api(OTHER_LOCALITY).get("/api/board?measure=M1"));
        JsonNode lines = xihu.get("measures").get(0).get("localities");
        assertThat(AttackLedger.record(FAMILY, lines.size() == 1 && lines.get(0).get("key").asText().equals("xihu"), "xihu reads other localities' lines")).isTrue();
        assertThat(lines).extracting(l -> l.get("key").asText()).containsExactly("xihu");
        assertThat(xihu.get("measures").get(0).get("total").get("applications").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE measure = 'M1' AND locality_unit_id = 'xihu'", Long.class));
        assertThat(AttackLedger.record(FAMILY, absent(xihu.path("packageFund")) && absent(xihu.get("measures").get(0).path("pool")),
                "a locality reads the pools")).isTrue();
        refused("xihu drills into donghu", 403, api(OTHER_LOCALITY).get("/api/board/cases?measure=M1&locality=donghu"));
        JsonNode own = expect(200, api(OTHER_LOCALITY).get("/api/board/cases?measure=M1&size=100"));
        List<String> seen = new ArrayList<>();
        own.get("items").forEach(i -> seen.add(i.get("caseNumber").asText()));
        assertThat(AttackLedger.record(FAMILY, !seen.contains(donghuCase), "xihu's drill-down lists a donghu case")).isTrue();
        assertThat(seen).doesNotContain(donghuCase);
        JsonNode donghu = expect(200, api(LOCALITY).get("/api/board/cases?measure=M1&locality=donghu&figure=open&size=100"));
        List<String> donghuSeen = new ArrayList<>();
        donghu.get("items").forEach(i -> donghuSeen.add(i.get("caseNumber").asText()));
        assertThat(donghuSeen).contains(donghuCase);
        // 市领导 read the board only: the drill-down opens no case
        JsonNode leader = expect(200, api(LEADER).get("/api/board/cases?measure=M1"));
        assertThat(AttackLedger.record(FAMILY, leader.get("total").asLong() == 0, "the leader opens cases")).isTrue();
        assertThat(leader.get("items")).isEmpty();
        refused("the leader opens a case", 403, api(LEADER).get("/api/cases/" + donghuCase));
    }

    @Test
    void onlyTheFinanceBureauExportsThePaymentFile() {
        String settlement = atPaymentBatch();
        long id = jdbc.queryForObject("SELECT id FROM settlement WHERE process_instance_id = ?", Long.class, settlement);
        int before = exports(id);
        List<String> others = new ArrayList<>(List.of(CITY.get("gxj"), ADMIN, AUDITOR, POLICY, LEADER, LOCALITY, OTHER_ENTERPRISE,
                HANDLING_UNIT, NOBODY, BANK));
        CITY.forEach((unit, user) -> {
            if (!unit.equals("czj") && !others.contains(user)) {
                others.add(user);
            }
        });
        for (String other : others) {
            refused(other + " exports the payment file", 403, api(other).get("/api/settlements/" + id + "/payment-file"));
            HttpResponse<byte[]> csv = api(other).getBytes("/api/settlements/" + id + "/payment-file.csv");
            assertThat(AttackLedger.record(FAMILY, csv.statusCode() == 403, other + " downloads the payment CSV → " + csv.statusCode())).isTrue();
            assertThat(csv.statusCode()).as(other).isEqualTo(403);
        }
        assertThat(exports(id)).as("no refused attempt is recorded").isEqualTo(before);

        // the attack suite's enterprises have no bank account on record: no file with an empty account, the cases named
        if (jdbc.queryForObject("SELECT COUNT(*) FROM enterprise WHERE bank_account IS NULL", Integer.class) > 0) {
            HttpResponse<String> noAccount = api(CITY.get("czj")).get("/api/settlements/" + id + "/payment-file");
            refused("a payment file with a payee without an account", 409, noAccount);
            assertThat(noAccount.body()).contains("没有登记银行账号");
            assertThat(exports(id)).isEqualTo(before);
            jdbc.update("UPDATE enterprise SET bank_name = '中国建设银行南昌分行', bank_account = CONCAT('36050100', LPAD(id, 10, '0')) "
                    + "WHERE bank_account IS NULL");
        }
        JsonNode file = expect(200, api(CITY.get("czj")).get("/api/settlements/" + id + "/payment-file"));
        assertThat(file.get("count").asInt()).isPositive();
        assertThat(file.get("sha256").asText()).hasSize(64);
        HttpResponse<byte[]> csv = api(CITY.get("czj")).getBytes("/api/settlements/" + id + "/payment-file.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("合计," + file.get("count").asInt() + "笔")
                .contains("校验,SHA-256," + file.get("sha256").asText());
        assertThat(exports(id)).isEqualTo(before + 2);
        refused("a settlement that does not exist", 404, api(CITY.get("czj")).get("/api/settlements/999999999/payment-file"));
    }

    @Test
    void badParametersAreABilingual400() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/board?measure=M99", "measure");
        bad.put("/api/board?measure=M4", "measure");
        bad.put("/api/board?weeks=abc", "weeks");
        bad.put("/api/board?weeks=500", "weeks");
        bad.put("/api/board/cases?figure=everything", "figure");
        bad.put("/api/board/cases?locality=nowhere", "locality");
        bad.put("/api/board/cases?sort=amount", "sort");
        bad.put("/api/board/cases?size=1000", "size");
        bad.put("/api/board.xlsx?measure=%27%20OR%201%3D1", "measure");
        for (Map.Entry<String, String> query : bad.entrySet()) {
            HttpResponse<String> response = api(CITY.get("gxj")).get(query.getKey());
            refused(query.getKey(), 400, response);
            assertThat(HttpApi.json(response).get("errors").get(0).get("field").asText()).as(query.getKey()).isEqualTo(query.getValue());
        }
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private int exports(long settlementId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payment_file_export WHERE settlement_id = ?", Integer.class, settlementId);
    }

    private void refused(String what, int status, HttpResponse<String> response) {
        assertThat(AttackLedger.record(FAMILY, response.statusCode() == status, what + " → " + response.statusCode())).isTrue();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        if (status != 401) {
            JsonNode error = expect(status, response).get("errors").get(0);
            assertThat(error.get("zh").asText()).isNotBlank();
            assertThat(error.get("en").asText()).isNotBlank();
        }
    }
}
