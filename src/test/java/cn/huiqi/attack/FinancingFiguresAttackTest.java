package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestInstitutions;

/**
 * Measure 8's figures (issue 18 item 7) per role on MariaDB over HTTP: jrb, gxj, zxqyj and auditors read them, a locality
 * only its own enterprises' rows, everyone else — enterprises, institutions, other city bureaus, administrators — is
 * refused the JSON and the xlsx; a grouping not of the four is a bilingual 400. Each attempt goes to the ledger.
 */
class FinancingFiguresAttackTest extends CaseAttackBase {

    private static final String READ = "M8 figures read";
    private static final String BY = "M8 figures grouping";
    private static final List<String> GROUPINGS = List.of("institution", "locality", "guarantee", "event");

    @Autowired
    ApplicationContext context;

    @Test
    void onlyTheCityReadersAndALocalityForItsOwnReadTheFigures() throws Exception {
        TestInstitutions.Created bank = TestInstitutions.freshBank(context, PASSWORD);
        List<String> refusedUsers = List.of(newApplicant(), bank.userId(), CITY.get("swj"), CITY.get("czj"), CITY.get("ctjt"),
                CITY.get("szxbm"), ADMIN, POLICY);
        for (String user : refusedUsers) {
            for (String by : GROUPINGS) {
                for (String path : List.of("/api/financing/figures?by=" + by, "/api/financing/figures.xlsx?by=" + by)) {
                    int status = api(user).get(path).statusCode();
                    AttackLedger.record(READ, status == 403, user + " GET " + path + " → " + status);
                    assertThat(status).as(user + " " + path).isEqualTo(403);
                }
            }
        }
        for (String user : List.of(CITY.get("jrb"), CITY.get("gxj"), CITY.get("zxqyj"), AUDITOR, LOCALITY)) {
            for (String by : GROUPINGS) {
                HttpResponse<String> response = api(user).get("/api/financing/figures?by=" + by);
                assertThat(response.statusCode()).as(user + " " + by).isEqualTo(200);
                assertThat(api(user).getBytes("/api/financing/figures.xlsx?by=" + by).statusCode()).isEqualTo(200);
            }
        }
        // a locality never reads another locality's row
        for (String user : List.of(LOCALITY, OTHER_LOCALITY)) {
            String own = user.equals(LOCALITY) ? "donghu" : "xihu";
            JsonNode rows = HttpApi.json(api(user).get("/api/financing/figures?by=locality")).get("rows");
            boolean onlyOwn = true;
            for (JsonNode row : rows) {
                onlyOwn &= own.equals(row.get("key").asText());
            }
            AttackLedger.record(READ, onlyOwn, user + " read rows of another locality: " + rows);
            assertThat(onlyOwn).isTrue();
        }
        for (String by : List.of("unit", "INSTITUTION", "institution' OR '1'='1", "event;DROP TABLE financing_demand", "x".repeat(300))) {
            HttpResponse<String> response = api(CITY.get("jrb")).get("/api/financing/figures?by=" + java.net.URLEncoder.encode(by,
                    java.nio.charset.StandardCharsets.UTF_8));
            boolean refused = response.statusCode() == 400 && response.body().contains("\"zh\"") && response.body().contains("\"en\"");
            AttackLedger.record(BY, refused, by + " → " + response.statusCode() + " " + response.body());
            assertThat(response.statusCode()).as(by).isEqualTo(400);
        }
    }
}
