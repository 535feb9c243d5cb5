package cn.huiqi.assistance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Label;
import cn.huiqi.timelimit.OverdueNow;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/** The figures of measure 7 (docs/assistance.md "Figures"), for what the caller may read. */
@Component
class AssistanceFigures {

    static final String TOTAL = "total";
    private static final Label TOTAL_LABEL = Label.of("合计", "Total");

    /** One row: its counts and the two rates (percent, one decimal, half-up; null when nothing to divide by). */
    record Row(String key, String label, String labelEn, int received, int accepted, int acceptedOnTime, int solved,
               int partlySolved, int replied, int repliedOnTime, BigDecimal onTimeRate, int rated, int satisfied,
               BigDecimal satisfactionRate, int overdueNow) {

        int count(DemandFigure figure) {
            return switch (figure) {
                case RECEIVED -> received;
                case ACCEPTED -> accepted;
                case ACCEPTED_ON_TIME -> acceptedOnTime;
                case SOLVED -> solved;
                case PARTLY_SOLVED -> partlySolved;
                case REPLIED -> replied;
                case REPLIED_ON_TIME -> repliedOnTime;
                case RATED -> rated;
                case SATISFIED -> satisfied;
                case OVERDUE_NOW -> overdueNow;
            };
        }
    }

    record View(String by, String from, String to, String asOf, List<Row> rows, Row totals) {
    }

    record CaseLine(String caseNumber, String title, String status, String statusZh, String statusEn, String locality,
                    String category) {
    }

    record Cases(String by, String key, String figure, String figureZh, String figureEn, List<CaseLine> cases) {
    }

    private final DemandFactsQuery facts;
    private final FigureReaders readers;
    private final UnitRepository units;
    private final OverdueNow clock;

    AssistanceFigures(DemandFactsQuery facts, FigureReaders readers, UnitRepository units, OverdueNow clock) {
        this.facts = facts;
        this.readers = readers;
        this.units = units;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    View figures(String by, String from, String to) {
        FigureGrouping grouping = grouping(by);
        FigureReaders.Reader reader = readers.current();
        FigurePeriod period = FigurePeriod.of(from, to, clock.now());
        List<DemandFacts> demands = visible(reader, period);
        Map<String, Unit> unitsById = units.findAll().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
        Map<String, Map<DemandFigure, Integer>> counts = new LinkedHashMap<>();
        for (DemandFacts demand : demands) {
            for (DemandFigure figure : DemandFigure.values()) {
                if (figure.counts(demand)) {
                    for (String key : grouping.keysOf(demand, figure)) {
                        if (reader.seesRow(grouping, key)) {
                            counts.computeIfAbsent(key, k -> new EnumMap<>(DemandFigure.class)).merge(figure, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            Label label = label(grouping, entry.getKey(), unitsById);
            rows.add(row(entry.getKey(), label, entry.getValue()));
        }
        rows.sort(order(grouping, unitsById));
        Map<DemandFigure, Integer> all = new EnumMap<>(DemandFigure.class);
        for (DemandFacts demand : demands) {
            for (DemandFigure figure : DemandFigure.values()) {
                if (figure.counts(demand)) {
                    all.merge(figure, 1, Integer::sum);
                }
            }
        }
        return new View(grouping.code(), period.from().toString(), period.to().toString(), clock.now().toString(), rows,
                row(TOTAL, TOTAL_LABEL, all));
    }

    /** The demands behind one figure of one row (key {@code total}: of the totals row), that the caller may read. */
    @Transactional(readOnly = true)
    Cases cases(String by, String key, String figureCode, String from, String to) {
        FigureGrouping grouping = grouping(by);
        DemandFigure figure = DemandFigure.ofCode(figureCode);
        if (figure == null) {
            throw new InvalidInputException("figure", "未知的统计项：应为 received、accepted、acceptedOnTime、solved、partlySolved、"
                    + "replied、repliedOnTime、rated、satisfied 或 overdueNow", "Unknown figure: one of received, accepted, "
                    + "acceptedOnTime, solved, partlySolved, replied, repliedOnTime, rated, satisfied, overdueNow");
        }
        if (key == null || key.isBlank() || key.length() > 64) {
            throw new InvalidInputException("key", "请指明统计行（单位、属地或类别代码，或 total）",
                    "Name the row: a unit, locality or category code, or total");
        }
        FigureReaders.Reader reader = readers.current();
        FigurePeriod period = FigurePeriod.of(from, to, clock.now());
        boolean total = TOTAL.equals(key);
        if (!total && !reader.seesRow(grouping, key)) {
            throw new org.springframework.security.access.AccessDeniedException("not this row");
        }
        Map<String, Unit> unitsById = units.findAll().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
        List<CaseLine> lines = visible(reader, period).stream()
                .filter(figure::counts)
                .filter(d -> total || grouping.keysOf(d, figure).contains(key))
                .map(d -> line(d, unitsById))
                .toList();
        return new Cases(grouping.code(), key, figure.code(), figure.label().zh(), figure.label().en(), lines);
    }

    private List<DemandFacts> visible(FigureReaders.Reader reader, FigurePeriod period) {
        return facts.submittedBetween(period.start(), period.endExclusive()).stream().filter(reader::sees).toList();
    }

    private static FigureGrouping grouping(String by) {
        FigureGrouping grouping = FigureGrouping.ofCode(by == null || by.isBlank() ? "unit" : by);
        if (grouping == null) {
            throw new InvalidInputException("by", "分组方式应为 unit（按办理单位）、locality（按属地）或 category（按诉求类别）",
                    "by must be unit, locality or category");
        }
        return grouping;
    }

    private static Row row(String key, Label label, Map<DemandFigure, Integer> counts) {
        int replied = counts.getOrDefault(DemandFigure.REPLIED, 0);
        int repliedOnTime = counts.getOrDefault(DemandFigure.REPLIED_ON_TIME, 0);
        int rated = counts.getOrDefault(DemandFigure.RATED, 0);
        int satisfied = counts.getOrDefault(DemandFigure.SATISFIED, 0);
        return new Row(key, label.zh(), label.en(), counts.getOrDefault(DemandFigure.RECEIVED, 0),
                counts.getOrDefault(DemandFigure.ACCEPTED, 0), counts.getOrDefault(DemandFigure.ACCEPTED_ON_TIME, 0),
                counts.getOrDefault(DemandFigure.SOLVED, 0), counts.getOrDefault(DemandFigure.PARTLY_SOLVED, 0),
                replied, repliedOnTime, percent(repliedOnTime, replied), rated, satisfied, percent(satisfied, rated),
                counts.getOrDefault(DemandFigure.OVERDUE_NOW, 0));
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static Label label(FigureGrouping grouping, String key, Map<String, Unit> unitsById) {
        if (grouping == FigureGrouping.CATEGORY) {
            return DemandCategory.valueOf(key).label();
        }
        Unit unit = unitsById.get(key);
        return unit == null ? Label.of(key, key) : Label.of(unit.getNameZh(), unit.getNameEn());
    }

    private static Comparator<Row> order(FigureGrouping grouping, Map<String, Unit> unitsById) {
        if (grouping == FigureGrouping.CATEGORY) {
            return Comparator.comparing(r -> DemandCategory.valueOf(r.key()).ordinal());
        }
        return Comparator.<Row>comparingInt(r -> unitsById.containsKey(r.key()) ? unitsById.get(r.key()).getSortOrder() : Integer.MAX_VALUE)
                .thenComparing(Row::key);
    }

    private static CaseLine line(DemandFacts d, Map<String, Unit> unitsById) {
        String zh = d.status();
        String en = d.status();
        try {
            Label label = DemandStatus.valueOf(d.status()).label();
            zh = label.zh();
            en = label.en();
        } catch (IllegalArgumentException e) {
            // a status of no demand lifecycle: shown as stored
        }
        Unit locality = unitsById.get(d.localityUnit());
        return new CaseLine(d.caseNumber(), d.title(), d.status(), zh, en,
                locality == null ? d.localityUnit() : locality.getNameZh(), d.category().label().zh());
    }
}
