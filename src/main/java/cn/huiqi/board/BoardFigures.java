package cn.huiqi.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.fund.FundFigures;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.timelimit.OverdueNow;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The board's figures (docs/fulfilment.md "兑现看板") from its read model, for what the caller may read: per measure and
 * locality the counts, the money, the stage times, the on-time rate and the cases overdue now; the pools and the package
 * fund (city readers); the weekly trend.
 */
@Component
class BoardFigures {

    static final String TOTAL = "total";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One line of figures: a locality of a measure, a measure's total, or the grand total. */
    record Row(String key, String labelZh, String labelEn, long applications, long approved, long rejected, long paid, long open,
               long withdrawn, BigDecimal approvedAmount, BigDecimal paidAmount, Map<String, StageDays> stages, long finished,
               long onTime, BigDecimal onTimeRate, long overdueNow) {
    }

    record Pool(String id, String nameZh, String nameEn, BigDecimal cap, boolean capSet, BigDecimal reserved, BigDecimal committed,
                BigDecimal paid, BigDecimal remaining) {

        static Pool of(PoolBalance b) {
            return new Pool(b.id(), b.nameZh(), b.nameEn(), b.cap(), b.capSet(), b.reserved(), b.committed(), b.paid(), b.remaining());
        }
    }

    record MeasureFigures(String measure, String nameZh, String nameEn, boolean paysMoney, Pool pool, Row total, List<Row> localities) {
    }

    record Week(LocalDate week, long applications, long approved, long paid, BigDecimal paidAmount) {
    }

    record StageLabel(String key, String zh, String en) {
    }

    record View(String asOf, boolean city, List<String> localities, List<StageLabel> stages, List<MeasureFigures> measures,
                Row total, Pool packageFund, List<Week> weeks, String defaultsZh, String defaultsEn) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final MeasureCatalogue catalogue;
    private final UnitRepository units;
    private final FundFigures fund;
    private final OverdueNow overdue;

    BoardFigures(NamedParameterJdbcTemplate jdbc, MeasureCatalogue catalogue, UnitRepository units, FundFigures fund, OverdueNow overdue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.units = units;
        this.fund = fund;
        this.overdue = overdue;
    }

    /** The measures whose cases the board counts: those with processes of their own (cases). */
    List<Measure> measures() {
        return catalogue.all().stream().filter(m -> !m.processKeys().isEmpty()).toList();
    }

    /** The measure filter checked: null (all) or a measure with cases; a bilingual 400 otherwise. */
    String measure(String raw) {
        String measure = raw == null || raw.isBlank() ? null : raw.strip();
        if (measure != null && measures().stream().noneMatch(m -> m.id().equals(measure))) {
            FieldChecks checks = new FieldChecks();
            String known = measures().stream().map(Measure::id).collect(Collectors.joining("、"));
            checks.add("measure", "看板只统计以下措施：" + known, "The board counts these measures only: " + known.replace("、", ", "));
            checks.throwIfAny();
        }
        return measure;
    }

    /** Weeks of the trend, 1-52 (default 12); a bilingual 400 otherwise. */
    static int weeks(String raw) {
        if (raw == null || raw.isBlank()) {
            return 12;
        }
        FieldChecks checks = new FieldChecks();
        int weeks = cn.huiqi.common.ListPaging.whole(checks, "weeks", raw, 12, 1, 52);
        checks.throwIfAny();
        return weeks;
    }

    @Transactional(readOnly = true)
    View figures(BoardReader.Reader reader, String measureFilter, int weeks) {
        Map<String, Unit> unitsById = units.findAll().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
        List<Measure> measures = measures().stream().filter(m -> measureFilter == null || m.id().equals(measureFilter)).toList();
        Scope scope = scope(reader, measureFilter);

        // counts and money per (measure, locality)
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal[]>> money = new LinkedHashMap<>();
        jdbc.query("SELECT measure, locality_unit_id, COUNT(*) AS applications, "
                + "SUM(CASE WHEN outcome IN ('APPROVED', 'PAID') THEN 1 ELSE 0 END) AS approved, "
                + "SUM(CASE WHEN outcome = 'REJECTED' THEN 1 ELSE 0 END) AS rejected, "
                + "SUM(CASE WHEN outcome = 'PAID' THEN 1 ELSE 0 END) AS paid, "
                + "SUM(CASE WHEN outcome = 'OPEN' THEN 1 ELSE 0 END) AS still_open, "
                + "SUM(CASE WHEN outcome = 'WITHDRAWN' THEN 1 ELSE 0 END) AS withdrawn, "
                + "SUM(CASE WHEN outcome <> 'OPEN' THEN 1 ELSE 0 END) AS finished, "
                + "SUM(CASE WHEN outcome <> 'OPEN' AND NOT ever_overdue THEN 1 ELSE 0 END) AS on_time, "
                + "SUM(CASE WHEN outcome IN ('APPROVED', 'PAID') THEN approved_amount ELSE 0 END) AS approved_amount, "
                + "SUM(CASE WHEN outcome = 'PAID' THEN paid_amount ELSE 0 END) AS paid_amount "
                + "FROM board_case" + scope.where + " GROUP BY measure, locality_unit_id", scope.params, rs -> {
            String locality = rs.getString("locality_unit_id");
            counts.computeIfAbsent(rs.getString("measure"), k -> new LinkedHashMap<>()).put(key(locality), new long[] {
                    rs.getLong("applications"), rs.getLong("approved"), rs.getLong("rejected"), rs.getLong("paid"), rs.getLong("still_open"),
                    rs.getLong("withdrawn"), rs.getLong("finished"), rs.getLong("on_time")});
            money.computeIfAbsent(rs.getString("measure"), k -> new LinkedHashMap<>()).put(key(locality), new BigDecimal[] {
                    amount(rs.getBigDecimal("approved_amount")), amount(rs.getBigDecimal("paid_amount"))});
        });

        // working days per stage, per (measure, locality)
        Map<String, Map<String, Map<BoardStage, List<Integer>>>> days = new HashMap<>();
        String anyStage = java.util.Arrays.stream(BoardStage.values()).map(s -> s.column + " IS NOT NULL").collect(Collectors.joining(" OR "));
        String stageColumns = java.util.Arrays.stream(BoardStage.values()).map(s -> s.column).collect(Collectors.joining(", "));
        jdbc.query("SELECT measure, locality_unit_id, " + stageColumns + " FROM board_case" + scope.where
                + (scope.where.isEmpty() ? " WHERE (" : " AND (") + anyStage + ")", scope.params, rs -> {
            Map<BoardStage, List<Integer>> of = days.computeIfAbsent(rs.getString("measure"), k -> new HashMap<>())
                    .computeIfAbsent(key(rs.getString("locality_unit_id")), k -> new java.util.EnumMap<>(BoardStage.class));
            for (BoardStage stage : BoardStage.values()) {
                int value = rs.getInt(stage.column);
                if (!rs.wasNull()) {
                    of.computeIfAbsent(stage, k -> new ArrayList<>()).add(value);
                }
            }
        });

        // overdue now: the step clocks, at the engine's clock
        Map<String, Map<String, Long>> overdueNow = new HashMap<>();
        for (Measure m : measures) {
            List<Long> ids = new ArrayList<>(overdue.casesOf(m.id()));
            for (int from = 0; from < ids.size(); from += 500) {
                MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 500)));
                jdbc.query("SELECT locality_unit_id FROM board_case WHERE case_id IN (:ids)", params, rs -> {
                    String locality = rs.getString("locality_unit_id");
                    if (reader.reads(locality)) {
                        overdueNow.computeIfAbsent(m.id(), k -> new HashMap<>()).merge(key(locality), 1L, Long::sum);
                    }
                });
            }
        }

        Map<String, PoolBalance> pools = reader.city() ? fund.balances().stream().collect(Collectors.toMap(PoolBalance::id, Function.identity()))
                : Map.of();
        List<MeasureFigures> result = new ArrayList<>();
        List<Row> measureTotals = new ArrayList<>();
        Map<BoardStage, List<Integer>> allDays = new java.util.EnumMap<>(BoardStage.class);
        for (Measure m : measures) {
            Map<String, long[]> c = counts.getOrDefault(m.id(), Map.of());
            Set<String> keys = new java.util.TreeSet<>(java.util.Comparator.comparing((String k) -> sortOrder(unitsById, k)).thenComparing(k -> k));
            keys.addAll(c.keySet());
            if (!reader.city()) {
                keys.addAll(reader.localities());
            }
            List<Row> rows = new ArrayList<>();
            Map<BoardStage, List<Integer>> measureDays = new java.util.EnumMap<>(BoardStage.class);
            for (String k : keys) {
                Map<BoardStage, List<Integer>> d = days.getOrDefault(m.id(), Map.of()).getOrDefault(k, Map.of());
                d.forEach((stage, values) -> {
                    measureDays.computeIfAbsent(stage, s -> new ArrayList<>()).addAll(values);
                    allDays.computeIfAbsent(stage, s -> new ArrayList<>()).addAll(values);
                });
                Unit unit = unitsById.get(k);
                rows.add(row(k, unit == null ? "（无属地）" : unit.getNameZh(), unit == null ? "(no locality)" : unit.getNameEn(),
                        c.getOrDefault(k, new long[8]), money.getOrDefault(m.id(), Map.of()).getOrDefault(k, new BigDecimal[] {ZERO, ZERO}),
                        d, overdueNow.getOrDefault(m.id(), Map.of()).getOrDefault(k, 0L)));
            }
            Row total = sum(TOTAL, "合计", "Total", rows, measureDays);
            measureTotals.add(total);
            Pool pool = m.pool().map(pools::get).map(Pool::of).orElse(null);
            result.add(new MeasureFigures(m.id(), m.name().zh(), m.name().en(), m.paysMoney(), pool, total, rows));
        }
        Row total = sum(TOTAL, "全部措施合计", "All measures", measureTotals, allDays);
        Pool packageFund = pools.containsKey("PACKAGE") ? Pool.of(pools.get("PACKAGE")) : null;
        return new View(overdue.now().toString(), reader.city(), List.copyOf(reader.localities()),
                java.util.Arrays.stream(BoardStage.values()).map(s -> new StageLabel(s.key(), s.label.zh(), s.label.en())).toList(),
                result, total, packageFund, weeks(scope, weeks),
                "办理时限与公示期均为系统默认值，待政策部门确认；按时率按这些时限判定。",
                "Time limits and the notice period are system defaults awaiting confirmation; the on-time rate is judged against them.");
    }

    private List<Week> weeks(Scope scope, int count) {
        LocalDate thisWeek = BoardCase.weekOf(overdue.now());
        LocalDate first = thisWeek.minusWeeks(count - 1L);
        Map<LocalDate, long[]> byWeek = new TreeMap<>();
        Map<LocalDate, BigDecimal> paidMoney = new HashMap<>();
        for (int i = 0; i < count; i++) {
            byWeek.put(first.plusWeeks(i), new long[3]);
        }
        MapSqlParameterSource params = new MapSqlParameterSource(scope.params.getValues()).addValue("firstWeek", java.sql.Date.valueOf(first));
        String and = scope.where.isEmpty() ? " WHERE " : scope.where + " AND ";
        jdbc.query("SELECT submitted_week AS w, COUNT(*) AS n FROM board_case" + and + "submitted_week >= :firstWeek GROUP BY submitted_week",
                params, rs -> { add(byWeek, rs.getDate("w"), 0, rs.getLong("n")); });
        jdbc.query("SELECT approved_week AS w, COUNT(*) AS n FROM board_case" + and + "approved_week >= :firstWeek GROUP BY approved_week",
                params, rs -> { add(byWeek, rs.getDate("w"), 1, rs.getLong("n")); });
        jdbc.query("SELECT paid_week AS w, COUNT(*) AS n, SUM(paid_amount) AS money FROM board_case" + and
                + "outcome = 'PAID' AND paid_week >= :firstWeek GROUP BY paid_week", params, rs -> {
            add(byWeek, rs.getDate("w"), 2, rs.getLong("n"));
            paidMoney.put(rs.getDate("w").toLocalDate(), amount(rs.getBigDecimal("money")));
        });
        return byWeek.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                paidMoney.getOrDefault(e.getKey(), ZERO))).toList();
    }

    private static void add(Map<LocalDate, long[]> byWeek, java.sql.Date week, int index, long n) {
        long[] figures = byWeek.get(week.toLocalDate());
        if (figures != null) {
            figures[index] += n;
        }
    }

    /** The WHERE clause of what the reader reads (and the measure filter) over {@code board_case}. */
    record Scope(String where, MapSqlParameterSource params) {
    }

    static Scope scope(BoardReader.Reader reader, String measure) {
        List<String> and = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!reader.city()) {
            and.add("locality_unit_id IN (:readerLocalities)");
            params.addValue("readerLocalities", reader.localities());
        }
        if (measure != null) {
            and.add("measure = :measure");
            params.addValue("measure", measure);
        }
        return new Scope(and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and), params);
    }

    private static Row row(String key, String zh, String en, long[] c, BigDecimal[] m, Map<BoardStage, List<Integer>> days, long overdueNow) {
        Map<String, StageDays> stages = new LinkedHashMap<>();
        for (BoardStage stage : BoardStage.values()) {
            stages.put(stage.key(), StageDays.of(days.getOrDefault(stage, List.of())));
        }
        return new Row(key, zh, en, c[0], c[1], c[2], c[3], c[4], c[5], m[0], m[1], stages, c[6], c[7], rate(c[7], c[6]), overdueNow);
    }

    private static Row sum(String key, String zh, String en, List<Row> rows, Map<BoardStage, List<Integer>> days) {
        long[] c = new long[8];
        BigDecimal[] m = {ZERO, ZERO};
        long overdueNow = 0;
        for (Row r : rows) {
            long[] add = {r.applications(), r.approved(), r.rejected(), r.paid(), r.open(), r.withdrawn(), r.finished(), r.onTime()};
            for (int i = 0; i < c.length; i++) {
                c[i] += add[i];
            }
            m[0] = m[0].add(r.approvedAmount());
            m[1] = m[1].add(r.paidAmount());
            overdueNow += r.overdueNow();
        }
        return row(key, zh, en, c, m, days, overdueNow);
    }

    /** Percent to one decimal, half-up; null when nothing to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(BigDecimal value) {
        return value == null ? ZERO : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String key(String locality) {
        return locality == null ? "-" : locality;
    }

    private static int sortOrder(Map<String, Unit> units, String key) {
        Unit unit = units.get(key);
        return unit == null ? Integer.MAX_VALUE : unit.getSortOrder();
    }
}
