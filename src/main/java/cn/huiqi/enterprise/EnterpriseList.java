package cn.huiqi.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.common.ListPaging;

/** A page of the enterprise register: the caller's scope and the filters one WHERE clause, counted and paged by the database. */
@Component
class EnterpriseList {

    /** The caller's enterprises: all of them, or those of these ids, or those of these localities. */
    record Scope(boolean all, List<Long> ids, List<String> localities) {

        static final Scope ALL = new Scope(true, List.of(), List.of());

        static Scope ids(List<Long> ids) {
            return new Scope(false, ids, List.of());
        }

        static Scope localities(List<String> localities) {
            return new Scope(false, List.of(), localities);
        }

        boolean none() {
            return !all && ids.isEmpty() && localities.isEmpty();
        }
    }

    /** The sort keys (EnterpriseController's) and their columns; ties break on the id in the same direction. */
    static final Map<String, String> SORT_COLUMNS = Map.of("name", "name", "id", "id", "uscc", "uscc", "createdAt", "created_at");

    private final NamedParameterJdbcTemplate jdbc;

    EnterpriseList(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code nameFragment}: part of the name (a literal, not a pattern); {@code localityId}: one locality's. Either may be null. */
    ListPaging.Page<Enterprise> find(Scope scope, String nameFragment, String localityId, ListPaging paging) {
        if (scope.none()) {
            return paging.page(List.of(), 0);
        }
        List<String> and = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!scope.ids().isEmpty()) {
            and.add("id IN (:scopeIds)");
            params.addValue("scopeIds", scope.ids());
        }
        if (!scope.localities().isEmpty()) {
            and.add("locality_unit_id IN (:scopeLocalities)");
            params.addValue("scopeLocalities", scope.localities());
        }
        if (nameFragment != null) {
            and.add("name LIKE :name ESCAPE '!'");
            params.addValue("name", "%" + ListPaging.likeLiteral(nameFragment) + "%");
        }
        if (localityId != null) {
            and.add("locality_unit_id = :locality");
            params.addValue("locality", localityId);
        }
        String where = and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM enterprise" + where, params, Long.class);
        if (paging.beyond(total)) {
            return paging.page(List.of(), total);
        }
        String column = SORT_COLUMNS.get(paging.sort());
        String direction = paging.direction();
        String order = " ORDER BY " + column + direction + ("id".equals(column) ? "" : ", id" + direction);
        return paging.page(jdbc.query("SELECT " + EnterpriseRepository.COLUMNS + " FROM enterprise" + where + order + paging.limitOffset(),
                params, EnterpriseRepository::row), total);
    }
}
