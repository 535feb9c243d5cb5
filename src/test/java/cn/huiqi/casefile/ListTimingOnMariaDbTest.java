package cn.huiqi.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SeededCasesOnMariaDb;

/**
 * A one-off timing of the paged lists at a few thousand rows (docs/performance.md, "Lists"), not a check: run on
 * demand with {@code -Dlists.timing=true}, alone (it adds 3,000 enterprises and projects to the shared database).
 * Prints p50 / p95 in ms of 40 calls after 5 warm-ups, each over HTTP Basic (a password check included), and the
 * city bureau's COUNT as it was (a LIKE over review_units) beside the one now (case_review_unit), SQL only.
 */
@EnabledIfSystemProperty(named = "lists.timing", matches = "true")
class ListTimingOnMariaDbTest extends SeededCasesOnMariaDb {

    private static final int EXTRA = 3_000;

    @Test
    void printsTheListTimings() {
        seedEnterprisesAndProjects();
        for (String unit : List.of("gxj", "swj")) {
            time("COUNT " + unit + " review_units LIKE (before V23)", () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM case_record c WHERE CONCAT(',', c.review_units, ',') LIKE ?", Long.class, "%," + unit + ",%"));
            time("COUNT " + unit + " cases joined to case_review_unit (V23, with a filter)", () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM case_record c WHERE c.id IN (SELECT ru.case_id FROM case_review_unit ru WHERE ru.unit_id IN (?))",
                    Long.class, unit));
            time("COUNT " + unit + " case_review_unit alone (V23, unfiltered)", () -> jdbc.queryForObject(
                    "SELECT COUNT(DISTINCT ru.case_id) FROM case_review_unit ru WHERE ru.unit_id IN (?)", Long.class, unit));
        }
        String[][] calls = {
                {"lt-gxj", "/api/cases"}, {"lt-swj", "/api/cases"}, {"lt-czj", "/api/cases"}, {"lt-donghu", "/api/cases"},
                {"lt-admin", "/api/enterprises"}, {"lt-donghu", "/api/enterprises"}, {"lt-admin", "/api/enterprises?name=" + enc("测试企业1")},
                {"lt-admin", "/api/enterprises?page=100"},
                {"lt-gxj", "/api/projects"}, {"lt-donghu", "/api/projects"}, {"lt-gxj", "/api/projects?sort=name&page=50"},
                {"lt-gxj", "/api/settlements"}, {"lt-gxj", "/api/supervision"}};
        for (String[] call : calls) {
            HttpApi api = api(call[0]);
            long[] bytes = {0};
            time(call[0] + " GET " + call[1], () -> {
                var response = api.get(call[1]);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(call[1] + " -> " + response.statusCode() + " " + response.body());
                }
                bytes[0] = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                return response;
            });
            System.out.println("    body " + bytes[0] + " bytes");
        }
    }

    private void seedEnterprisesAndProjects() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM enterprise WHERE uscc LIKE '91360100LX%'", Long.class) > 0) {
            return;
        }
        Instant now = Instant.now();
        List<Object[]> enterprises = new ArrayList<>();
        for (int i = 0; i < EXTRA; i++) {
            enterprises.add(new Object[] {String.format("91360100LX%08d", i), String.format("计时测试企业%04d有限公司", i),
                    cn.huiqi.testsupport.CaseRows.LOCALITIES.get(i % cn.huiqi.testsupport.CaseRows.LOCALITIES.size()), Timestamp.from(now)});
        }
        jdbc.batchUpdate("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES (?, ?, ?, '张三', '13800000000', ?)", enterprises);
        jdbc.update("INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, "
                + "planned_equipment_investment, planned_start, planned_completion, major, status, created_by, created_at, updated_by, "
                + "updated_at, row_version) SELECT id, locality_unit_id, CONCAT('计时测试项目', id), 'new', 1000000.00, 0.00, '2023-01-01', "
                + "'2023-12-31', FALSE, 'PLANNED', 'seed', created_at, 'seed', created_at, 0 FROM enterprise WHERE uscc LIKE '91360100LX%'");
        jdbc.execute("ANALYZE TABLE enterprise, project, case_record, case_review_unit");
    }

    private static void time(String what, Supplier<Object> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        long[] ms = new long[40];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 100_000;
        }
        Arrays.sort(ms);
        System.out.printf("TIMING %-70s p50 %5.1f ms  p95 %5.1f ms%n", what, ms[19] / 10.0, ms[37] / 10.0);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
