package cn.huiqi.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.enterprise.Uscc;

/**
 * A known set of measure 7 demands for the figures (docs/assistance.md "Figures"), inserted by SQL once per database:
 * twelve demands submitted in March 2021 (China time) across the handling units rsj, tax and power, the localities
 * donghu and xihu and the categories RECRUITMENT, FINANCING, UTILITIES and POLICY, with known on-time flags, replies,
 * ratings (one by silence), one transferred from rsj to power, one awaiting acceptance, one declined; d13 is submitted
 * at 00:30 on 1 April in China (outside the period). Step clocks at {@link #NOW}: d3, d9, d10 (acceptance) and d13 past
 * their limits, d6 not yet, d7 closed with a clock left running past its limit.
 */
public final class KnownDemands {

    /** The engine's clock the figures are read at. */
    public static final Instant NOW = Instant.parse("2021-04-15T02:00:00Z");
    /** Case numbers by demand, d1 … d13. */
    public static final Map<Integer, String> NUMBERS = new LinkedHashMap<>();

    static {
        for (int d = 1; d <= 13; d++) {
            NUMBERS.put(d, "M7-2021-FIG" + String.format("%03d", d));
        }
    }

    private KnownDemands() {
    }

    public static void seed(JdbcTemplate jdbc) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE case_number = ?", Integer.class, NUMBERS.get(1)) > 0) {
            return;
        }
        long donghu = enterprise(jdbc, "91360102FG0000001", "帮扶统计测试东湖企业有限公司", "donghu");
        long xihu = enterprise(jdbc, "91360103FG0000001", "帮扶统计测试西湖企业有限公司", "xihu");
        //     d  enterprise locality category       status       submitted (UTC)           units            accepted onTime reply        replyOnTime rating                 silence
        demand(jdbc, 1, donghu, "donghu", "RECRUITMENT", "CLOSED", "2021-03-01T02:00:00Z", List.of("rsj"), true, true, "SOLVED", true, "SATISFIED", false);
        demand(jdbc, 2, donghu, "donghu", "RECRUITMENT", "CLOSED", "2021-03-02T02:00:00Z", List.of("rsj"), true, true, "SOLVED", false, "BASICALLY_SATISFIED", false);
        demand(jdbc, 3, donghu, "donghu", "RECRUITMENT", "ASSIGNED", "2021-03-03T02:00:00Z", List.of("rsj"), true, false, null, null, null, false);
        demand(jdbc, 4, xihu, "xihu", "RECRUITMENT", "REPLIED", "2021-03-04T02:00:00Z", List.of("rsj"), true, true, "PARTLY_SOLVED", true, null, false);
        demand(jdbc, 5, donghu, "donghu", "FINANCING", "CLOSED", "2021-03-05T02:00:00Z", List.of("tax"), true, true, "SOLVED", true, "DISSATISFIED", false);
        demand(jdbc, 6, xihu, "xihu", "FINANCING", "ASSIGNED", "2021-03-08T02:00:00Z", List.of("tax"), true, true, null, null, null, false);
        demand(jdbc, 7, xihu, "xihu", "POLICY", "CLOSED", "2021-03-09T02:00:00Z", List.of("tax"), true, true, "NOT_NOW", false, "SATISFIED", true);
        demand(jdbc, 8, donghu, "donghu", "UTILITIES", "CLOSED", "2021-03-10T02:00:00Z", List.of("rsj", "power"), true, true, "SOLVED", true, "SATISFIED", false);
        demand(jdbc, 9, xihu, "xihu", "UTILITIES", "ASSIGNED", "2021-03-11T02:00:00Z", List.of("power"), true, false, null, null, null, false);
        demand(jdbc, 10, donghu, "donghu", "POLICY", "SUBMITTED", "2021-03-12T02:00:00Z", List.of(), false, null, null, null, null, false);
        demand(jdbc, 11, xihu, "xihu", "POLICY", "DECLINED", "2021-03-15T02:00:00Z", List.of(), false, null, null, null, null, false);
        // 2021-03-31 23:30 in China: inside the period; d13 at 2021-04-01 00:30 in China: outside
        demand(jdbc, 12, donghu, "donghu", "FINANCING", "CLOSED", "2021-03-31T15:30:00Z", List.of("tax"), true, true, "SOLVED", true, "SATISFIED", false);
        demand(jdbc, 13, donghu, "donghu", "FINANCING", "ASSIGNED", "2021-03-31T16:30:00Z", List.of("tax"), true, false, null, null, null, false);
        // step clocks at the engine's clock 2021-04-15: d3, d9, d10 (acceptance), d13 past their limit; d6 not yet;
        // d7 is closed with a clock left running past its limit (a final case is never overdue)
        clock(jdbc, 3, "rsj", "Task_Handle", "2021-04-01T16:00:00Z");
        clock(jdbc, 9, "power", "Task_Handle", "2021-04-02T16:00:00Z");
        clock(jdbc, 10, "donghu", "Task_Accept", "2021-03-15T16:00:00Z");
        clock(jdbc, 13, "tax", "Task_Handle", "2021-04-10T16:00:00Z");
        clock(jdbc, 6, "tax", "Task_Handle", "2021-04-20T16:00:00Z");
        clock(jdbc, 7, "tax", "Task_Handle", "2021-03-20T16:00:00Z");
    }

    private static long enterprise(JdbcTemplate jdbc, String first17, String name, String locality) {
        String uscc = first17 + Uscc.checkCharacter(first17);
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES (?, ?, ?, '张三', '13800000000', ?)", uscc, name, locality, Timestamp.from(NOW));
        return jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
    }

    private static void demand(JdbcTemplate jdbc, int d, long enterprise, String locality, String category, String status, String submitted,
                        List<String> units, boolean accepted, Boolean acceptedOnTime, String reply, Boolean repliedOnTime,
                        String rating, boolean bySilence) {
        String number = NUMBERS.get(d);
        Timestamp at = Timestamp.from(Instant.parse(submitted));
        jdbc.update("INSERT INTO case_record (case_number, measure, applicant_kind, enterprise_id, applicant_key, locality_unit_id, "
                + "subject_key, status, application_json, review_units, lead_unit, finance_unit, submitted_by, submitted_at, "
                + "updated_at, row_version) VALUES (?, 'M7', 'ENTERPRISE', ?, ?, ?, ?, ?, '{}', '', 'gxj', NULL, 'seed', ?, ?, 0)",
                number, enterprise, "E:" + enterprise, locality, "FIG-" + d, status, at, at);
        long caseId = jdbc.queryForObject("SELECT id FROM case_record WHERE case_number = ?", Long.class, number);
        Instant submittedAt = Instant.parse(submitted);
        Timestamp acceptedAt = accepted ? Timestamp.from(submittedAt.plusSeconds(3600)) : null;
        Timestamp repliedAt = reply == null ? null : Timestamp.from(submittedAt.plusSeconds(5 * 86_400));
        jdbc.update("INSERT INTO assistance_demand (case_id, origin, category, scope, title, description, responsible_unit, "
                + "reply_outcome, reply_text, rating, rating_by_silence, submitted_at, accepted_at, replied_at, accepted_on_time, "
                + "replied_on_time, decline_reason) VALUES (?, 'ENTERPRISE', ?, 'CITY', ?, '统计测试诉求', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                caseId, category, "统计测试诉求 d" + d, units.isEmpty() ? null : units.get(units.size() - 1), reply,
                reply == null ? null : "答复", rating, bySilence, at, acceptedAt, repliedAt, acceptedOnTime, repliedOnTime,
                "DECLINED".equals(status) ? "不属于帮扶范围" : null);
        for (int i = 0; i < units.size(); i++) {
            boolean last = i == units.size() - 1;
            jdbc.update("INSERT INTO assistance_assignment (case_id, unit_id, assigned_at, ended_at, end_reason) VALUES (?, ?, ?, ?, ?)",
                    caseId, units.get(i), Timestamp.from(submittedAt.plusSeconds(7200 + i * 86_400L)),
                    last ? null : Timestamp.from(submittedAt.plusSeconds(7200 + (i + 1) * 86_400L)), last ? null : "TRANSFERRED");
        }
    }

    private static void clock(JdbcTemplate jdbc, int d, String unit, String step, String due) {
        long caseId = jdbc.queryForObject("SELECT id FROM case_record WHERE case_number = ?", Long.class, NUMBERS.get(d));
        Timestamp dueAt = Timestamp.from(Instant.parse(due));
        Timestamp since = Timestamp.from(Instant.parse(due).minusSeconds(5 * 86_400));
        jdbc.update("INSERT INTO step_clock (case_id, measure, process_instance_id, scope_id, step, step_name, kind, unit_id, "
                + "limit_days, elapsed_days, state, task_id, running_since, due_at, created_at, updated_at) "
                + "VALUES (?, 'M7', ?, ?, ?, ?, 'STEP', ?, 5, 0, 'RUNNING', NULL, ?, ?, ?, ?)",
                caseId, "seed-" + d, "seed-" + d, step, step.equals("Task_Accept") ? "受理" : "办理", unit, since, dueAt, since, since);
    }
}
