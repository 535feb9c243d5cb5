package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SeededCasesOnMariaDb;

/**
 * Filters on GET /api/cases that try to widen what a caller sees (another locality, another enterprise, SQL and
 * wildcards in the case number or enterprise name, huge pages): each either narrows to nothing or is a 400.
 */
class CaseListAttackTest extends SeededCasesOnMariaDb {

    private static final String FAMILY = "case-list-widening";

    @Test
    void filtersNeverWidenWhatTheCallerSees() {
        long donghuTotal = total(api("lt-donghu").get("/api/cases"));
        long xihuEnterprise = enterprises().get(1);
        long otherEnterprise = enterprises().get(7);
        List<String[]> nothing = List.of(
                new String[] {"lt-donghu", "locality=xihu"},
                new String[] {"lt-donghu", "enterprise=" + xihuEnterprise},
                new String[] {"lt-ent", "enterprise=" + otherEnterprise},
                new String[] {"lt-ent", "locality=xihu"},
                new String[] {"lt-ent", "enterprise=" + enc("列表测试企业07")},
                new String[] {"lt-ent-none", ""},
                new String[] {"lt-ent-none", "enterprise=" + enc("%")},
                new String[] {"lt-admin", "enterprise=" + enc("%' OR 1=1 -- ")},
                new String[] {"lt-admin", "enterprise=" + enc("_")},
                new String[] {"lt-xihu", "measure=M1&locality=donghu"});
        for (String[] attempt : nothing) {
            HttpResponse<String> response = api(attempt[0]).get("/api/cases?" + attempt[1]);
            boolean refused = response.statusCode() == 400 || (response.statusCode() == 200 && total(response) == 0
                    && HttpApi.json(response).get("items").isEmpty());
            assertThat(AttackLedger.record(FAMILY, refused, attempt[0] + " " + attempt[1])).as(attempt[0] + " " + attempt[1]).isTrue();
        }
        // a locality filter the caller is entitled to is a subset of its own view, never more
        long own = total(api("lt-donghu").get("/api/cases?locality=donghu"));
        assertThat(AttackLedger.record(FAMILY, own == donghuTotal, "donghu locality=donghu")).isTrue();

        List<String> refused = List.of("caseNumber=" + enc("M1' OR '1'='1"), "caseNumber=" + enc("%"), "caseNumber=" + enc("M1_"),
                "caseNumber=" + enc("M1-2023-000001;DROP TABLE case_record"), "size=1000", "size=2147483648", "size=100000000",
                "size=-1", "page=99999999999", "page=1e9", "sort=" + enc("submitted_at;--"), "sort=" + enc("c.id"),
                "order=" + enc("desc, (SELECT 1)"), "status=" + enc("PAID' OR '1'='1"), "locality=" + enc("donghu' OR 1=1"),
                "round=" + enc("1 OR 1=1"), "flagged=" + enc("true OR 1"));
        for (String query : refused) {
            for (String user : List.of("lt-donghu", "lt-ent")) {
                int status = api(user).get("/api/cases?" + query).statusCode();
                assertThat(AttackLedger.record(FAMILY, status == 400, user + " " + query + " -> " + status)).as(query).isTrue();
            }
        }
    }

    private static long total(HttpResponse<String> response) {
        JsonNode body = HttpApi.json(response);
        return body.get("total").asLong();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
