package cn.huiqi.casefile;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * {@link CaseVisibility.Scope} as one SQL condition over {@code case_record c}: the case list's WHERE clause, and any
 * other paged list of cases (the fulfilment board's drill-down) that must show exactly what the case list would.
 */
public final class CaseScopeSql {

    /** The condition and its named parameters (all prefixed {@code scope}, or the extension's own prefix). */
    public record Condition(String sql, MapSqlParameterSource params) {
    }

    private CaseScopeSql() {
    }

    /** The condition of a scope that is not {@code all()} (which needs none); a scope of no case is {@code 1 = 0}. */
    public static Condition of(CaseVisibility.Scope scope) {
        if (scope.all()) {
            throw new IllegalArgumentException("a scope of all cases needs no condition");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> or = new ArrayList<>();
        if (!scope.enterpriseIds().isEmpty()) {
            or.add("c.enterprise_id IN (:scopeEnterprises)");
            params.addValue("scopeEnterprises", scope.enterpriseIds());
        }
        if (!scope.localities().isEmpty()) {
            or.add("c.locality_unit_id IN (:scopeLocalities)");
            params.addValue("scopeLocalities", scope.localities());
        }
        if (!scope.reviewUnits().isEmpty()) {
            // one row per (case, reviewing unit), V23: a range of ix_case_review_unit_unit, not a scan of every case
            or.add("c.id IN (SELECT ru.case_id FROM case_review_unit ru WHERE ru.unit_id IN (:scopeReviewUnits))");
            params.addValue("scopeReviewUnits", scope.reviewUnits());
        }
        if (!scope.statuses().isEmpty()) {
            or.add("c.status IN (:scopeStatuses)");
            params.addValue("scopeStatuses", scope.statuses());
        }
        for (CaseVisibilityExtension.Condition condition : scope.extensions()) {
            or.add("(" + condition.sql() + ")");
            params.addValues(condition.params());
        }
        if (or.isEmpty()) {
            return new Condition("1 = 0", params);
        }
        return new Condition(or.size() == 1 ? or.get(0) : "(" + String.join(" OR ", or) + ")", params);
    }
}
