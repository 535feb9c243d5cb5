package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.Caller;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SeededCasesOnMariaDb;
import cn.huiqi.unit.UnitRepository;

/**
 * GET /api/cases at 5,000 seeded cases on MariaDB: each role sees exactly the rows {@link CaseVisibility#canRead}
 * allows, page by page and under filters; bad parameters are 400s by field; the queries use the V21 indexes (EXPLAIN).
 */
class CaseListOnMariaDbTest extends SeededCasesOnMariaDb {

    private static final Comparator<CaseRecord> NEWEST_FIRST = Comparator.comparing(CaseRecord::getSubmittedAt)
            .thenComparing(CaseRecord::getId).reversed();

    @Autowired
    CaseRecordRepository cases;
    @Autowired
    CaseVisibility visibility;
    @Autowired
    CaseLifecycles lifecycles;
    @Autowired
    UnitRepository units;
    @Autowired
    NamedParameterJdbcTemplate named;

    @Test
    void eachRoleSeesExactlyItsRowsAndTheCountMatches() {
        List<CaseRecord> all = cases.findAll();
        assertThat(all.size()).isGreaterThanOrEqualTo(CASES);
        for (Map.Entry<String, String> user : USERS.entrySet()) {
            Caller caller = new Caller(user.getKey(), List.of(user.getValue()));
            List<CaseRecord> readable = all.stream().filter(c -> visibility.canRead(caller, c)).sorted(NEWEST_FIRST).toList();
            JsonNode page = api(user.getKey()).getJson("/api/cases?size=100");
            assertThat(page.get("total").asLong()).as(user.getKey()).isEqualTo(readable.size());
            assertThat(numbers(page)).as(user.getKey())
                    .containsExactlyElementsOf(readable.stream().limit(100).map(CaseRecord::getCaseNumber).toList());
            assertThat(page.get("size").asInt()).isEqualTo(100);
        }
        assertThat(api("lt-donghu").getJson("/api/cases").get("items")).hasSize(20);
        assertThat(api("lt-ent-none").getJson("/api/cases").get("total").asLong()).isZero();
    }

    @Test
    void filtersWalkedPageByPageGiveExactlyTheMatchingReadableRows() {
        List<CaseRecord> all = cases.findAll();
        long xihuEnterprise = enterprises().get(1);
        check(all, "lt-donghu", "measure=M1&status=CITY_REVIEW",
                c -> c.getMeasure().equals("M1") && c.getStatus().equals("CITY_REVIEW"));
        check(all, "lt-gxj", "locality=xihu&flagged=false", c -> c.getLocalityUnitId().equals("xihu") && c.getFlag() == null);
        check(all, "lt-admin", "enterprise=" + xihuEnterprise, c -> Long.valueOf(xihuEnterprise).equals(c.getEnterpriseId()));
        check(all, "lt-auditor", "enterprise=" + enc("企业03有限"), c -> c.getEnterpriseId() != null
                && c.getEnterpriseId().equals(enterprises().get(3)));
        check(all, "lt-czj", "caseNumber=M2-2023-0002", c -> c.getCaseNumber().startsWith("M2-2023-0002"));
        check(all, "lt-swj", "measure=M2&sort=amount&order=asc", c -> c.getMeasure().equals("M2"));
        String one = all.get(all.size() / 2).getCaseNumber();
        check(all, "lt-admin", "caseNumber=" + one, c -> c.getCaseNumber().equals(one));
    }

    @Test
    void sortKeysOrderThePageWithTheIdAsTieBreak() {
        for (String sort : List.of("submittedAt", "caseNumber", "status", "amount")) {
            for (String order : List.of("asc", "desc")) {
                JsonNode items = api("lt-gxj").getJson("/api/cases?size=100&page=3&sort=" + sort + "&order=" + order).get("items");
                List<String> keys = new ArrayList<>();
                items.forEach(i -> keys.add(switch (sort) {
                    case "submittedAt" -> i.get("submittedAt").asText();
                    case "caseNumber" -> i.get("caseNumber").asText();
                    case "status" -> i.get("status").asText();
                    default -> String.format("%015.2f", i.get("rewardAmount").decimalValue());
                }));
                List<String> sorted = new ArrayList<>(keys);
                sorted.sort(order.equals("asc") ? Comparator.naturalOrder() : Comparator.reverseOrder());
                assertThat(keys).as(sort + " " + order).hasSize(100).isEqualTo(sorted);
            }
        }
    }

    @Test
    void badParametersAreBilingual400sByField() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("sort=submitted_at", "sort"), Map.entry("sort=id", "sort"), Map.entry("order=up", "order"),
                Map.entry("size=0", "size"), Map.entry("size=1000", "size"), Map.entry("size=abc", "size"),
                Map.entry("page=-1", "page"), Map.entry("page=100001", "page"),
                Map.entry("measure=M1&status=PAYED", "status"), Map.entry("status=NOPE", "status"),
                Map.entry("measure=M99", "measure"), Map.entry("locality=gxj", "locality"),
                Map.entry("round=x", "round"), Map.entry("flagged=yes", "flagged"),
                Map.entry("caseNumber=" + enc("M1' OR '1'='1"), "caseNumber"), Map.entry("caseNumber=M1%25", "caseNumber"),
                Map.entry("enterprise=" + "企".repeat(101), "enterprise"));
        refused.forEach((query, field) -> {
            var response = api("lt-admin").get("/api/cases?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode error = HttpApi.json(response).get("errors").get(0);
            assertThat(error.get("field").asText()).as(query).isEqualTo(field);
            assertThat(error.get("zh").asText()).isNotBlank();
            assertThat(error.get("en").asText()).isNotBlank();
        });
        var both = HttpApi.json(api("lt-admin").get("/api/cases?size=0&page=-1&sort=x")).get("errors");
        assertThat(both).hasSize(3);
    }

    @Test
    void theListQueriesUseTheirIndexes() {
        assertThat(plan("lt-donghu", "donghu", "")).as("a locality's first page").isEqualTo("ix_case_list_locality");
        assertThat(plan("lt-admin", "camunda-admin", "measure=M1&status=CITY_REVIEW")).isEqualTo("ix_case_list_measure");
        assertThat(plan("lt-ent", "enterprise", "")).as("an enterprise's cases").isEqualTo("ix_case_list_enterprise");
        assertThat(plan("lt-admin", "camunda-admin", "caseNumber=M1-2023-0001")).isEqualTo("uq_case_number");
        assertThat(plan("lt-admin", "camunda-admin", "")).as("everything, newest first").isEqualTo("ix_case_list_submitted");
        plan("lt-gxj", "gxj", "");
        plan("lt-czj", "czj", "");
    }

    @Test
    void everySortReadsItsIndexInOrderWithoutSortingTheRows() {
        // each sort's columns are an index's (V21, V60): the page stops after its rows, whatever the number of cases
        Map<String, String> indexes = Map.of("sort=submittedAt", "ix_case_list_submitted", "sort=caseNumber&order=asc",
                "uq_case_number", "sort=status", "ix_case_list_status", "sort=amount", "ix_case_list_amount",
                "sort=amount&order=asc&page=3", "ix_case_list_amount");
        indexes.forEach((query, index) -> {
            Map<String, Object> row = row(planRows("lt-admin", "camunda-admin", query), "c");
            assertThat(row.get("key")).as(query).isEqualTo(index);
            assertThat(String.valueOf(row.get("Extra"))).as(query).doesNotContain("filesort");
        });
        // a locality's list by status: count and page one range of V61's index, no case row read to count
        assertThat(row(countPlan("lt-donghu", "donghu", "status=CITY_REVIEW"), "c").get("key")).isEqualTo("ix_case_list_locality_status");
        Map<String, Object> byStatus = row(planRows("lt-donghu", "donghu", "status=CITY_REVIEW"), "c");
        assertThat(byStatus.get("key")).isEqualTo("ix_case_list_locality_status");
        assertThat(String.valueOf(byStatus.get("Extra"))).doesNotContain("filesort");
        // the flagged cases (V63): counted from their index's range, not by reading every case row
        assertThat(row(countPlan("lt-admin", "camunda-admin", "flagged=true"), "c").get("key")).isEqualTo("ix_case_list_flagged");
        Map<String, Object> gxj = row(planRows("lt-gxj", "gxj", "sort=amount"), "c");
        assertThat(gxj.get("key")).as("a city bureau by amount").isEqualTo("ix_case_list_amount");
        assertThat(String.valueOf(gxj.get("Extra"))).doesNotContain("filesort");
    }

    @Test
    void theAmountSortKeyIsTheClaimsAmount() {
        // V60's copy, written by claim.RewardClaims with each decision: the seed writes both; the list shows the claim's
        assertThat(named.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM case_record c JOIN reward_claim r ON r.case_id = c.id "
                + "WHERE NOT (c.reward_amount = r.reward_amount)", Long.class)).isZero();
    }

    @Test
    void aCityBureausCountIsAnIndexRangeOfItsReviewUnits() {
        // V23 case_review_unit: no LIKE over every case's review_units. A city bureau's unfiltered count is a range of
        // its rows in ix_case_review_unit_unit alone, no case row read
        for (String unit : List.of("gxj", "swj")) {
            List<Map<String, Object>> plan = countPlan("lt-" + unit, unit, "");
            assertThat(plan).as(unit).hasSize(1);
            assertThat(row(plan, "ru").get("key")).as(unit).isEqualTo("ix_case_review_unit_unit");
            assertThat(String.valueOf(row(plan, "ru").get("Extra"))).as(unit).contains("Using index");
        }
        // filtered: the cases of the filter's index, each probed for the unit's review row by primary key
        List<Map<String, Object>> filtered = countPlan("lt-swj", "swj", "measure=M2&status=PAID");
        assertThat(row(filtered, "c").get("key")).isEqualTo("ix_case_list_measure");
        assertThat(String.valueOf(row(filtered, "ru").get("key"))).isIn("PRIMARY", "ix_case_review_unit_unit");
        // the finance bureau: its review rows (materialised once from the unit's index) or its statuses
        List<Map<String, Object>> czj = countPlan("lt-czj", "czj", "");
        assertThat(row(czj, "ru").get("key")).isEqualTo("ix_case_review_unit_unit");
    }

    private List<Map<String, Object>> countPlan(String user, String group, String query) {
        CaseListRequest request = request(query);
        CaseVisibility.Scope scope = visibility.scopeOf(new Caller(user, List.of(group)));
        CaseList.Query where = CaseList.where(scope, request);
        List<Map<String, Object>> rows = named.queryForList("EXPLAIN " + CaseList.countSql(scope, request, where), where.params());
        System.out.println("EXPLAIN COUNT as " + user + " [" + query + "]: " + rows);
        return rows;
    }

    private static Map<String, Object> row(List<Map<String, Object>> plan, String table) {
        return plan.stream().filter(r -> String.valueOf(r.get("table")).equals(table)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + table + " in " + plan));
    }

    /** The index MariaDB's EXPLAIN names for the case_record row of the page query. */
    private String plan(String user, String group, String query) {
        return String.valueOf(row(planRows(user, group, query), "c").get("key"));
    }

    private List<Map<String, Object>> planRows(String user, String group, String query) {
        CaseListRequest request = request(query);
        CaseList.Query where = CaseList.where(visibility.scopeOf(new Caller(user, List.of(group))), request);
        List<Map<String, Object>> rows = named.queryForList("EXPLAIN " + CaseList.pageSql(where, request), where.params());
        System.out.println("EXPLAIN as " + user + " [" + query + "]: " + rows);
        return rows;
    }

    private CaseListRequest request(String query) {
        Map<String, String> p = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                p.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return CaseListRequest.check(new CaseListRequest.Raw(p.get("measure"), p.get("status"), p.get("locality"),
                p.get("round"), p.get("enterprise"), p.get("caseNumber"), p.get("flagged"), p.get("sort"), p.get("order"),
                p.get("page"), p.get("size")), lifecycles, units);
    }

    private void check(List<CaseRecord> all, String user, String query, Predicate<CaseRecord> filter) {
        Caller caller = new Caller(user, List.of(USERS.get(user)));
        List<String> expected = all.stream().filter(c -> visibility.canRead(caller, c)).filter(filter)
                .map(CaseRecord::getCaseNumber).toList();
        assertThat(expected).as("the seed gives " + user + " cases for " + query).isNotEmpty();
        List<String> seen = new ArrayList<>();
        long total = -1;
        for (int page = 0; page < 60; page++) {
            JsonNode body = api(user).getJson("/api/cases?size=100&" + query + "&page=" + page);
            total = body.get("total").asLong();
            if (body.get("items").isEmpty()) {
                break;
            }
            seen.addAll(numbers(body));
        }
        assertThat(total).as(user + " " + query).isEqualTo(expected.size());
        assertThat(seen).as(user + " " + query).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(i -> numbers.add(i.get("caseNumber").asText()));
        return numbers;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
