package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SeededCasesOnMariaDb;

/**
 * The paged lists besides the cases (GET /api/enterprises, /api/settlements, /api/supervision, /api/projects), as
 * common.ListPaging checks them: a bad page, size, sort, order or filter is a bilingual 400 naming it and nothing
 * else; a role that may not read a list is refused whatever the paging asks; no page shows another unit's rows.
 */
class ListPagingAttackTest extends SeededCasesOnMariaDb {

    private static final String FAMILY = "list-paging";
    /** Each list, the user who may read it, and its filters' bad values (field → query). */
    private static final Map<String, String> READER = Map.of("/api/enterprises", "lt-admin", "/api/settlements", "lt-gxj",
            "/api/supervision", "lt-gxj", "/api/projects", "lt-gxj");
    private static final Map<String, Map<String, String>> BAD_FILTERS = Map.of(
            "/api/enterprises", Map.of("locality", "locality=gxj", "name", "name=" + enc("长".repeat(101))),
            "/api/settlements", Map.of("measure", "measure=M99", "status", "status=" + enc("CLOSED' OR '1'='1")),
            "/api/supervision", Map.of("measure", "measure=M99", "unit", "unit=" + enc("gxj' OR 1=1")),
            "/api/projects", Map.of("status", "status=DONE", "locality", "locality=nowhere", "month", "month=2023-13"));
    private static final Map<String, String> BAD_PAGING = Map.of("page", "page=-1", "size", "size=101",
            "sort", "sort=" + enc("id;DROP TABLE unit"), "order", "order=" + enc("desc, (SELECT 1)"));

    @BeforeEach
    void oneProjectPerSeededEnterprise() {
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> e : jdbc.queryForList("SELECT id, locality_unit_id FROM enterprise WHERE uscc LIKE '91360100LT%'")) {
            rows.add(new Object[] {e.get("id"), e.get("locality_unit_id"), "列表测试项目" + e.get("id"), Timestamp.from(now), Timestamp.from(now)});
        }
        jdbc.batchUpdate("INSERT IGNORE INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, "
                + "planned_equipment_investment, planned_start, planned_completion, major, status, created_by, created_at, updated_by, "
                + "updated_at, row_version) VALUES (?, ?, ?, 'new', 1000000.00, 0.00, '2023-01-01', '2023-12-31', FALSE, 'PLANNED', "
                + "'seed', ?, 'seed', ?, 0)", rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/enterprises", "/api/settlements", "/api/supervision", "/api/projects"})
    void badPagingOrFiltersAreABilingual400NamingTheParameter(String list) {
        HttpApi reader = api(READER.get(list));
        Map<String, String> bad = new java.util.HashMap<>(BAD_PAGING);
        bad.putAll(BAD_FILTERS.get(list));
        for (Map.Entry<String, String> attempt : bad.entrySet()) {
            HttpResponse<String> response = reader.get(list + "?" + attempt.getValue());
            boolean refused = response.statusCode() == 400 && names(response, attempt.getKey());
            assertThat(AttackLedger.record(FAMILY, refused, list + "?" + attempt.getValue() + " -> " + response.statusCode()))
                    .as(list + "?" + attempt.getValue() + ": " + response.body()).isTrue();
        }
        // every refused parameter at once, each named
        HttpResponse<String> all = reader.get(list + "?page=x&size=0&sort=nope&order=up");
        assertThat(all.statusCode()).isEqualTo(400);
        for (String field : List.of("page", "size", "sort", "order")) {
            assertThat(names(all, field)).as(field).isTrue();
        }
        JsonNode page = HttpApi.expect(200, reader.get(list + "?size=1"));
        assertThat(page.has("items") && page.has("total") && page.get("size").asInt() == 1 && page.has("sort") && page.has("order")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/settlements", "/api/supervision", "/api/projects"})
    void aRoleThatMayNotReadAListIsRefusedWhateverThePagingAsks(String list) {
        List<String> outsiders = switch (list) {
            case "/api/settlements" -> List.of("lt-donghu", "lt-ent", "lt-swj");
            case "/api/supervision" -> List.of("lt-donghu", "lt-ent", "lt-swj", "lt-czj", "lt-auditor");
            default -> List.of("lt-swj", "lt-czj");
        };
        for (String user : outsiders) {
            for (String query : List.of("", "?size=100&page=0", "?sort=id&order=desc", "?page=999")) {
                int status = api(user).get(list + query).statusCode();
                assertThat(AttackLedger.record(FAMILY, status == 403, user + " GET " + list + query + " -> " + status))
                        .as(user + " " + list + query).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/enterprises", "/api/projects"})
    void noPageShowsAnotherUnitsRows(String list) {
        long own = enterprises().get(0);
        String donghuOnly = "donghu";
        // every page of a locality, small pages in every sort: its own locality's rows only, each once, total as counted
        for (String sort : list.equals("/api/projects") ? List.of("locality", "id", "name", "plannedCompletion")
                : List.of("name", "id", "uscc", "createdAt")) {
            Set<Long> seen = new HashSet<>();
            long total = -1;
            for (int page = 0; page < 100; page++) {
                JsonNode body = api("lt-donghu").getJson(list + "?size=3&sort=" + sort + "&order=desc&page=" + page);
                total = body.get("total").asLong();
                if (body.get("items").isEmpty()) {
                    break;
                }
                for (JsonNode item : body.get("items")) {
                    String locality = list.equals("/api/projects") ? item.get("locality").get("id").asText()
                            : item.get("localityUnitId").asText();
                    assertThat(AttackLedger.record(FAMILY, locality.equals(donghuOnly), "lt-donghu " + list + " sort=" + sort
                            + " page " + page + ": a row of " + locality)).isTrue();
                    assertThat(seen.add(item.get("id").asLong())).as("no row twice").isTrue();
                }
            }
            assertThat(seen).as(list + " " + sort).isNotEmpty().hasSize((int) total);
        }
        // filters that would widen: another locality, a wildcard name
        List<String[]> nothing = new ArrayList<>(List.of(new String[] {"lt-donghu", "locality=xihu"},
                new String[] {"lt-ent-none", "size=100"}));
        if (list.equals("/api/enterprises")) {
            nothing.add(new String[] {"lt-ent-none", "name=" + enc("%")});
            nothing.add(new String[] {"lt-gxj", "size=100"});
            nothing.add(new String[] {"lt-donghu", "name=" + enc("%' OR 1=1 -- ")});
        }
        for (String[] attempt : nothing) {
            HttpResponse<String> response = api(attempt[0]).get(list + "?" + attempt[1]);
            boolean refused = response.statusCode() == 400 || response.statusCode() == 403
                    || (response.statusCode() == 200 && HttpApi.json(response).get("total").asLong() == 0
                    && HttpApi.json(response).get("items").isEmpty());
            assertThat(AttackLedger.record(FAMILY, refused, attempt[0] + " " + list + "?" + attempt[1] + " -> " + response.statusCode()))
                    .as(attempt[0] + " " + attempt[1]).isTrue();
        }
        // an enterprise user: its own enterprise's rows only, on every page
        JsonNode mine = api("lt-ent").getJson(list + "?size=100");
        for (JsonNode item : mine.get("items")) {
            long enterprise = list.equals("/api/projects") ? item.get("enterprise").get("id").asLong() : item.get("id").asLong();
            assertThat(AttackLedger.record(FAMILY, enterprise == own, "lt-ent " + list + ": a row of enterprise " + enterprise)).isTrue();
        }
        assertThat(mine.get("total").asLong()).isEqualTo(1);
    }

    private static boolean names(HttpResponse<String> response, String field) {
        JsonNode body = HttpApi.json(response);
        JsonNode errors = body.has("errors") ? body.get("errors") : null;
        if (errors == null) {
            return field.equals(body.path("field").asText()) && !body.path("zh").asText().isBlank() && !body.path("en").asText().isBlank();
        }
        for (JsonNode error : errors) {
            if (field.equals(error.path("field").asText()) && !error.path("zh").asText().isBlank() && !error.path("en").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
