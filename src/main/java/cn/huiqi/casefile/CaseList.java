package cn.huiqi.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.common.ListPaging;

/**
 * A page of cases, selected, counted, sorted and paged by the database: the caller's {@link CaseVisibility.Scope}
 * and the request's filters are one WHERE clause; only the page's rows are loaded. Indexes: V21.
 */
@Component
class CaseList {

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseRecordRepository cases;
    private final CaseViews views;

    CaseList(NamedParameterJdbcTemplate jdbc, CaseRecordRepository cases, CaseViews views) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.views = views;
    }

    ListPaging.Page<CaseListItem> find(CaseVisibility.Scope scope, CaseListRequest request) {
        ListPaging paging = request.paging();
        if (scope.none()) {
            return paging.page(List.of(), 0);
        }
        Query query = where(scope, request);
        long total = jdbc.queryForObject(countSql(scope, request, query), query.params, Long.class);
        List<Long> ids = paging.beyond(total) ? List.of()
                : jdbc.queryForList(pageSql(query, request), query.params, Long.class);
        Map<Long, CaseRecord> loaded = cases.findAllById(ids).stream()
                .collect(Collectors.toMap(CaseRecord::getId, Function.identity()));
        List<CaseListItem> items = ids.stream().map(loaded::get).map(views::listItem).toList();
        return paging.page(items, total);
    }

    /**
     * The COUNT (for EXPLAIN in tests too). A city bureau's unfiltered list counts its rows of case_review_unit alone: a
     * range of ix_case_review_unit_unit, no case row read (each row's case exists: a foreign key); otherwise the cases
     * matching the WHERE clause.
     */
    static String countSql(CaseVisibility.Scope scope, CaseListRequest request, Query query) {
        boolean reviewUnitsOnly = !scope.all() && scope.enterpriseIds().isEmpty() && scope.localities().isEmpty()
                && scope.statuses().isEmpty() && scope.extensions().isEmpty() && !scope.reviewUnits().isEmpty();
        boolean unfiltered = request.measure() == null && request.status() == null && request.locality() == null
                && request.roundId() == null && request.enterpriseId() == null && request.enterpriseName() == null
                && request.caseNumberPrefix() == null && request.flagged() == null;
        if (!reviewUnitsOnly || !unfiltered) {
            return "SELECT COUNT(*) FROM case_record c" + query.where;
        }
        // (case_id, unit_id) is the primary key: one unit's rows are distinct cases already
        return (scope.reviewUnits().size() == 1 ? "SELECT COUNT(*)" : "SELECT COUNT(DISTINCT ru.case_id)")
                + " FROM case_review_unit ru WHERE ru.unit_id IN (:scopeReviewUnits)";
    }

    /** The ids of the page (for EXPLAIN in tests too): ORDER BY the sort's columns, LIMIT/OFFSET. */
    static String pageSql(Query query, CaseListRequest request) {
        String direction = request.paging().direction();
        return "SELECT c.id FROM case_record c" + query.where + " ORDER BY "
                + request.sort().columns.stream().map(column -> column + direction).collect(Collectors.joining(", "))
                + request.paging().limitOffset();
    }

    record Query(String where, MapSqlParameterSource params) {
    }

    static Query where(CaseVisibility.Scope scope, CaseListRequest request) {
        List<String> and = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!scope.all()) {
            CaseScopeSql.Condition visible = CaseScopeSql.of(scope);
            and.add(visible.sql());
            params.addValues(visible.params().getValues());
        }
        if (request.measure() != null) {
            and.add("c.measure = :measure");
            params.addValue("measure", request.measure());
        }
        if (request.status() != null) {
            and.add("c.status = :status");
            params.addValue("status", request.status());
        }
        if (request.locality() != null) {
            and.add("c.locality_unit_id = :locality");
            params.addValue("locality", request.locality());
        }
        if (request.roundId() != null) {
            and.add("c.round_id = :round");
            params.addValue("round", request.roundId());
        }
        if (request.enterpriseId() != null) {
            and.add("c.enterprise_id = :enterpriseId");
            params.addValue("enterpriseId", request.enterpriseId());
        }
        if (request.enterpriseName() != null) {
            and.add("c.enterprise_id IN (SELECT e.id FROM enterprise e WHERE e.name LIKE :enterpriseName ESCAPE '!')");
            params.addValue("enterpriseName", "%" + likeLiteral(request.enterpriseName()) + "%");
        }
        if (request.caseNumberPrefix() != null) {
            // an exact number is its own prefix; the unique index on case_number serves both
            and.add("c.case_number LIKE :caseNumber ESCAPE '!'");
            params.addValue("caseNumber", likeLiteral(request.caseNumberPrefix()) + "%");
        }
        if (request.flagged() != null) {
            and.add(request.flagged() ? "c.flag IS NOT NULL" : "c.flag IS NULL");
        }
        return new Query(and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and), params);
    }

    private static String likeLiteral(String text) {
        return ListPaging.likeLiteral(text);
    }
}
