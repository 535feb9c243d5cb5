package cn.huiqi.financing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Label;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The figures of measure 8 (docs/financing.md "Figures"), computed by grouped SQL queries: jrb, gxj, zxqyj and auditors
 * read all demands, a locality its own enterprises' demands, everyone else (institutions, administrators included) nothing.
 */
@Component
class FinancingFigures {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    enum By {
        INSTITUTION(Label.of("按金融机构", "By institution")),
        LOCALITY(Label.of("按属地", "By locality")),
        GUARANTEE(Label.of("按担保方式", "By guarantee kind")),
        EVENT(Label.of("按对接活动", "By matchmaking event"));

        final Label label;

        By(Label label) {
            this.label = label;
        }

        String code() {
            return name().toLowerCase();
        }
    }

    record Row(String key, String label, String labelEn, long demands, long takenUp, BigDecimal approvedAmount,
               BigDecimal grantedAmount, long decided, BigDecimal averageWorkingDaysToDecision) {
    }

    record View(String by, String byZh, List<Row> rows) {
    }

    /** Per demand: its take-ups, the sum of their approved amounts and the first decision of any of them. */
    private static final String PER_DEMAND = "SELECT d.case_id, d.locality, d.guarantee_kind, d.published_at, d.granted_amount,"
            + " (SELECT COUNT(*) FROM financing_take_up t WHERE t.case_id = d.case_id) AS take_ups,"
            + " (SELECT SUM(t.approved_amount) FROM financing_take_up t WHERE t.case_id = d.case_id) AS approved,"
            + " (SELECT MIN(t.decided_at) FROM financing_take_up t WHERE t.case_id = d.case_id) AS first_decision"
            + " FROM financing_demand d WHERE (? IS NULL OR d.locality = ?)";

    /** Per institution and demand it took up: its approved amount, the grant if its offer was accepted, its first decision. */
    private static final String PER_TAKE_UP = "SELECT t.institution, t.case_id, MIN(d.published_at) AS published_at,"
            + " SUM(t.approved_amount) AS approved,"
            + " MAX(CASE WHEN d.accepted_take_up = t.id THEN d.granted_amount END) AS granted,"
            + " MIN(t.decided_at) AS first_decision"
            + " FROM financing_take_up t JOIN financing_demand d ON d.case_id = t.case_id"
            + " WHERE (? IS NULL OR d.locality = ?) GROUP BY t.institution, t.case_id";

    private final JdbcTemplate jdbc;
    private final CurrentCaller currentCaller;
    private final UnitRepository units;
    private final WorkingDays workingDays;

    FinancingFigures(JdbcTemplate jdbc, CurrentCaller currentCaller, UnitRepository units, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.currentCaller = currentCaller;
        this.units = units;
        this.workingDays = workingDays;
    }

    static By by(String by) {
        if (by != null) {
            for (By b : By.values()) {
                if (b.code().equals(by)) {
                    return b;
                }
            }
        }
        throw new InvalidInputException("by", "分组方式应为 institution（按金融机构）、locality（按属地）、guarantee（按担保方式）或 event（按对接活动）",
                "by must be institution, locality, guarantee or event");
    }

    @Transactional(readOnly = true)
    View figures(String rawBy) {
        String locality = readerLocality();
        By by = by(rawBy == null || rawBy.isBlank() ? "institution" : rawBy);
        String inner = by == By.INSTITUTION ? PER_TAKE_UP : PER_DEMAND;
        String key = switch (by) {
            case INSTITUTION -> "x.institution";
            case LOCALITY -> "x.locality";
            case GUARANTEE -> "x.guarantee_kind";
            case EVENT -> "CAST(r.event_id AS CHAR)";
        };
        String from = "FROM (" + inner + ") x" + (by == By.EVENT ? " JOIN financing_event_registration r ON r.case_id = x.case_id" : "");
        String takenUp = by == By.INSTITUTION ? "COUNT(*)" : "SUM(CASE WHEN x.take_ups > 0 THEN 1 ELSE 0 END)";
        String granted = by == By.INSTITUTION ? "x.granted" : "x.granted_amount";
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, long[]> days = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + " AS k, COUNT(*) AS demands, " + takenUp + " AS taken_up, COALESCE(SUM(x.approved), 0) AS approved,"
                + " COALESCE(SUM(" + granted + "), 0) AS granted " + from + " GROUP BY " + key, rs -> {
                    rows.put(rs.getString("k"), new Row(rs.getString("k"), null, null, rs.getLong("demands"), rs.getLong("taken_up"),
                            money(rs.getBigDecimal("approved")), money(rs.getBigDecimal("granted")), 0, null));
                }, locality, locality);
        jdbc.query("SELECT " + key + " AS k, x.published_at, x.first_decision, COUNT(*) AS n " + from
                + " WHERE x.published_at IS NOT NULL AND x.first_decision IS NOT NULL GROUP BY " + key + ", x.published_at, x.first_decision",
                rs -> {
                    long n = rs.getLong("n");
                    int between = workingDays.workingDaysBetween(day(rs.getTimestamp("published_at")), day(rs.getTimestamp("first_decision")));
                    long[] sum = days.computeIfAbsent(rs.getString("k"), k -> new long[2]);
                    sum[0] += n;
                    sum[1] += n * between;
                }, locality, locality);
        Map<String, Label> labels = labels(by);
        List<Row> result = new ArrayList<>();
        for (Row row : rows.values()) {
            long[] sum = days.getOrDefault(row.key(), new long[2]);
            Label label = labels.getOrDefault(row.key(), Label.of(row.key(), row.key()));
            result.add(new Row(row.key(), label.zh(), label.en(), row.demands(), row.takenUp(), row.approvedAmount(), row.grantedAmount(),
                    sum[0], sum[0] == 0 ? null : BigDecimal.valueOf(sum[1]).divide(BigDecimal.valueOf(sum[0]), 1, RoundingMode.HALF_UP)));
        }
        result.sort(java.util.Comparator.comparing(Row::label).thenComparing(Row::key));
        return new View(by.code(), by.label.zh(), result);
    }

    private Map<String, Label> labels(By by) {
        Map<String, Label> labels = new LinkedHashMap<>();
        switch (by) {
            case INSTITUTION, LOCALITY -> {
                for (Unit unit : units.findAll()) {
                    labels.put(unit.getId(), Label.of(unit.getNameZh(), unit.getNameEn()));
                }
            }
            case GUARANTEE -> {
                for (GuaranteeKind kind : GuaranteeKind.values()) {
                    labels.put(kind.name(), kind.label());
                }
            }
            case EVENT -> jdbc.query("SELECT id, title, held_on FROM financing_event", rs -> {
                String title = rs.getString("title") + "（" + rs.getDate("held_on").toLocalDate() + "）";
                labels.put(Long.toString(rs.getLong("id")), Label.of(title, title));
            });
        }
        return labels;
    }

    /** Null for a reader of all demands, the caller's locality for a locality's official; 403 for everyone else. */
    private String readerLocality() {
        Caller caller = currentCaller.get();
        if (caller.isIn(Groups.ENTERPRISE)) {
            throw new AccessDeniedException(caller.userId() + " (enterprise) may not read the financing figures");
        }
        if (caller.isInAny(Groups.FINANCIAL_OFFICE, Groups.LEAD_BUREAU, FinancingEvents.SMES_BUREAU, Groups.AUDITOR)) {
            return null;
        }
        Set<String> localities = new TreeSet<>();
        for (Unit unit : units.findAllById(caller.groupIds())) {
            if (unit.isLocality()) {
                localities.add(unit.getId());
            }
        }
        if (localities.size() != 1) {
            throw new AccessDeniedException(caller.userId() + " reads no financing figures");
        }
        return localities.iterator().next();
    }

    private static LocalDate day(Timestamp at) {
        return at.toInstant().atZone(CHINA).toLocalDate();
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
