package cn.huiqi.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseListItem;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseScopeSql;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.ListPaging;
import cn.huiqi.timelimit.OverdueNow;
import cn.huiqi.unit.UnitRepository;

/**
 * The cases behind one figure of the board, paged by the database: the board's own rows (measure, locality, figure)
 * and the case list's visibility ({@link CaseVisibility}, the same condition as {@code /api/cases}): a reader sees here
 * no case it could not open. 市领导 read the board only, so their drill-down lists no case.
 */
@Component
class BoardCases {

    /** The figures that open their cases, and the condition over {@code board_case b} of each. */
    enum Figure {
        applications("1 = 1"), approved("b.outcome IN ('APPROVED', 'PAID')"), rejected("b.outcome = 'REJECTED'"),
        paid("b.outcome = 'PAID'"), open("b.outcome = 'OPEN'"), withdrawn("b.outcome = 'WITHDRAWN'"), overdueNow(null);

        final String condition;

        Figure(String condition) {
            this.condition = condition;
        }
    }

    private static final ListPaging.Sorts SORTS = ListPaging.Sorts.of(List.of("submittedAt", "caseNumber"), List.of("submittedAt"));

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseVisibility visibility;
    private final CaseRecordRepository cases;
    private final CaseViews views;
    private final UnitRepository units;
    private final OverdueNow overdue;
    private final BoardFigures figures;

    BoardCases(NamedParameterJdbcTemplate jdbc, CaseVisibility visibility, CaseRecordRepository cases, CaseViews views,
               UnitRepository units, OverdueNow overdue, BoardFigures figures) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.cases = cases;
        this.views = views;
        this.units = units;
        this.overdue = overdue;
        this.figures = figures;
    }

    @Transactional(readOnly = true)
    ListPaging.Page<CaseListItem> find(BoardReader.Reader reader, String measureRaw, String localityRaw, String figureRaw,
                                       String page, String size, String sort, String order) {
        String measure = figures.measure(measureRaw);
        FieldChecks checks = new FieldChecks();
        String locality = ListPaging.blankToNull(localityRaw);
        if (locality != null && !"-".equals(locality) && units.findById(locality).filter(u -> u.isLocality()).isEmpty()) {
            checks.add("locality", "没有属地单位 " + ListPaging.shown(locality), "There is no locality unit " + ListPaging.shown(locality));
        }
        Figure figure = Figure.applications;
        String figureText = ListPaging.blankToNull(figureRaw);
        if (figureText != null) {
            try {
                figure = Figure.valueOf(figureText);
            } catch (IllegalArgumentException e) {
                String known = java.util.Arrays.stream(Figure.values()).map(Enum::name).collect(Collectors.joining(", "));
                checks.add("figure", "figure 只能为 " + known.replace(", ", "、"), "figure must be one of " + known);
            }
        }
        ListPaging paging = ListPaging.check(checks, SORTS, page, size, sort, order);
        checks.throwIfAny();
        if (locality != null && !reader.city() && !reader.localities().contains(locality)) {
            throw new AccessDeniedException(reader.caller().userId() + " may not read another locality's figures");
        }
        CaseVisibility.Scope scope = visibility.scopeOf(reader.caller());
        if (scope.none()) {
            return paging.page(List.of(), 0);
        }
        List<String> and = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!scope.all()) {
            CaseScopeSql.Condition visible = CaseScopeSql.of(scope);
            and.add(visible.sql());
            params.addValues(visible.params().getValues());
        }
        if (!reader.city()) {
            and.add("b.locality_unit_id IN (:readerLocalities)");
            params.addValue("readerLocalities", reader.localities());
        }
        if (measure != null) {
            and.add("b.measure = :measure");
            params.addValue("measure", measure);
        }
        if ("-".equals(locality)) {
            and.add("b.locality_unit_id IS NULL");
        } else if (locality != null) {
            and.add("b.locality_unit_id = :locality");
            params.addValue("locality", locality);
        }
        if (figure == Figure.overdueNow) {
            List<Long> ids = new ArrayList<>();
            figures.measures().stream().filter(m -> measure == null || m.id().equals(measure)).forEach(m -> ids.addAll(overdue.casesOf(m.id())));
            if (ids.isEmpty()) {
                return paging.page(List.of(), 0);
            }
            and.add("b.case_id IN (:overdue)");
            params.addValue("overdue", ids);
        } else {
            and.add(figure.condition);
        }
        String from = " FROM board_case b JOIN case_record c ON c.id = b.case_id WHERE " + String.join(" AND ", and);
        long total = jdbc.queryForObject("SELECT COUNT(*)" + from, params, Long.class);
        String direction = paging.direction();
        String column = "caseNumber".equals(paging.sort()) ? "c.case_number" : "c.submitted_at";
        List<Long> ids = paging.beyond(total) ? List.of()
                : jdbc.queryForList("SELECT c.id" + from + " ORDER BY " + column + direction + ", c.id" + direction + paging.limitOffset(),
                params, Long.class);
        Map<Long, CaseRecord> loaded = cases.findAllById(ids).stream().collect(Collectors.toMap(CaseRecord::getId, Function.identity()));
        return paging.page(ids.stream().map(loaded::get).map(views::listItem).toList(), total);
    }
}
