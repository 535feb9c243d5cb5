package cn.huiqi.testsupport;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many case rows inserted fast by SQL (batched), for list and index tests: enterprises spread over the
 * localities, measure 1 and 2 cases in every reward status, reviewed by gxj (and swj for every third), a reward
 * claim with an amount for each. Deterministic for a given count; no process instances (lists do not need them).
 */
public final class CaseRows {

    public static final List<String> LOCALITIES = List.of("donghu", "xihu", "qingyunpu", "qingshanhu", "xinjian", "honggutan");
    public static final List<String> STATUSES = List.of("LOCALITY_VERIFICATION", "CITY_REVIEW", "AWAITING_SETTLEMENT",
            "PUBLIC_NOTICE", "DISBURSEMENT", "PAID", "REJECTED", "NOT_ELIGIBLE");
    private static final int ENTERPRISES = 60;
    private static final int BATCH = 1_000;

    private CaseRows() {
    }

    /** Seeds {@code count} cases (and 60 enterprises named "列表测试企业NN有限公司") once; returns the enterprise ids. */
    public static List<Long> seed(JdbcTemplate jdbc, int count) {
        List<Long> enterprises = new ArrayList<>();
        Instant now = Instant.now();
        for (int e = 0; e < ENTERPRISES; e++) {
            String uscc = String.format("91360100LT%08d", e);
            List<Long> found = jdbc.queryForList("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
            if (found.isEmpty()) {
                jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                        + "VALUES (?, ?, ?, '张三', '13800000000', ?)", uscc, String.format("列表测试企业%02d有限公司", e),
                        LOCALITIES.get(e % LOCALITIES.size()), Timestamp.from(now));
                found = jdbc.queryForList("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
            }
            enterprises.add(found.get(0));
        }
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE subject_key LIKE 'SEED-%'", Long.class);
        long base = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM case_record", Long.class) + 1;
        for (int from = existing.intValue(); from < count; from += BATCH) {
            List<Object[]> cases = new ArrayList<>();
            List<Object[]> claims = new ArrayList<>();
            List<Object[]> reviewUnits = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                long id = base + i - existing;
                int e = (i * 7) % ENTERPRISES;
                String measure = i % 4 == 0 ? "M2" : "M1";
                String status = STATUSES.get((i / 7) % STATUSES.size());
                Timestamp at = Timestamp.from(now.minusSeconds(count - i).minusSeconds(i % 5 == 0 ? 0 : 3600));
                BigDecimal reward = new BigDecimal((i * 53L) % 500_000).setScale(2);
                cases.add(new Object[] {id, String.format("%s-2023-%06d", measure, id), measure, enterprises.get(e),
                        "E:" + enterprises.get(e), LOCALITIES.get(e % LOCALITIES.size()), "SEED-" + i, status,
                        i % 3 == 0 ? "gxj,swj" : "gxj", i % 97 == 0 ? "FLAGGED_SEED" : null, "seed", at, at, reward});
                reviewUnits.add(new Object[] {id, "gxj"});
                if (i % 3 == 0) {
                    reviewUnits.add(new Object[] {id, "swj"});
                }
                claims.add(new Object[] {id, new BigDecimal(10_000 + (i * 131L) % 990_000).setScale(2), reward, enterprises.get(e), at});
            }
            jdbc.batchUpdate("INSERT INTO case_record (id, case_number, measure, applicant_kind, enterprise_id, applicant_key, "
                    + "locality_unit_id, subject_key, status, application_json, review_units, lead_unit, finance_unit, flag, "
                    + "submitted_by, submitted_at, updated_at, reward_amount, row_version) "
                    + "VALUES (?, ?, ?, 'ENTERPRISE', ?, ?, ?, ?, ?, '{}', ?, 'gxj', 'czj', ?, ?, ?, ?, ?, 0)", cases);
            jdbc.batchUpdate("INSERT INTO case_review_unit (case_id, unit_id) VALUES (?, ?)", reviewUnits);
            jdbc.batchUpdate("INSERT INTO reward_claim (case_id, claimed_amount, reward_amount, payee_kind, payee_enterprise_id, "
                    + "updated_at, row_version) VALUES (?, ?, ?, 'ENTERPRISE', ?, ?, 0)", claims);
        }
        return enterprises;
    }
}
