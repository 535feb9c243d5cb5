package cn.huiqi.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.ListPaging;
import cn.huiqi.identity.Caller;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/** Reading the library and building the three lists, within what the caller may read. */
@Service
class ProjectQueries {

    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final ProjectViews views;
    private final UnitRepository units;

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectQueries(ProjectRepository projects, ProjectAccess access, ProjectViews views, UnitRepository units,
                          NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.views = views;
        this.units = units;
    }

    /** Filter of the project list; every field optional. */
    public record Filter(String locality, ProjectStatus status, Boolean major, LocalDate plannedCompletionBy) {
    }

    /** By locality (in the city's unit order), then id, by default; keys to columns of p (project) and u (its locality). */
    static final ListPaging.Sorts SORTS = ListPaging.Sorts.of(List.of("locality", "id", "name", "plannedCompletion"), List.of());
    private static final java.util.Map<String, String> SORT_COLUMNS = java.util.Map.of("locality", "u.sort_order",
            "id", "p.id", "name", "p.name", "plannedCompletion", "p.planned_completion");

    /**
     * A page of the projects the caller may read ({@link ProjectAccess.Scope} as the WHERE clause), filtered, sorted
     * and counted by the database; only the page's rows are viewed for the month.
     */
    @Transactional(readOnly = true)
    public ListPaging.Page<ProjectView> list(Caller caller, Filter filter, YearMonth month, ListPaging paging) {
        ProjectAccess.Scope scope = access.requireReader(caller);
        String locality = checkedLocality(caller, scope, filter.locality());
        StringBuilder where = new StringBuilder(" FROM project p JOIN unit u ON u.id = p.locality_unit_id WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!scope.all()) {
            List<String> or = new java.util.ArrayList<>();
            if (!scope.localities().isEmpty()) {
                or.add("p.locality_unit_id IN (:scopeLocalities)");
                params.addValue("scopeLocalities", scope.localities());
            }
            if (scope.enterpriseId() != null) {
                or.add("p.enterprise_id = :scopeEnterprise");
                params.addValue("scopeEnterprise", scope.enterpriseId());
            }
            where.append(or.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", or) + ")");
        }
        if (locality != null) {
            where.append(" AND p.locality_unit_id = :locality");
            params.addValue("locality", locality);
        }
        if (filter.status() != null) {
            where.append(" AND p.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.major() != null) {
            where.append(" AND p.major = :major");
            params.addValue("major", filter.major());
        }
        if (filter.plannedCompletionBy() != null) {
            where.append(" AND p.planned_completion <= :by");
            params.addValue("by", java.sql.Date.valueOf(filter.plannedCompletionBy()));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        if (paging.beyond(total)) {
            return paging.page(List.of(), total);
        }
        List<Project> found = jdbc.query("SELECT " + ProjectRepository.COLUMNS + where + " ORDER BY " + SORT_COLUMNS.get(paging.sort())
                + paging.direction() + ", p.id" + paging.direction() + paging.limitOffset(), params, ProjectRepository::row);
        return paging.page(views.views(caller, found, month), total);
    }

    @Transactional(readOnly = true)
    public ProjectListView list(Caller caller, ProjectList list, String locality, YearMonth month) {
        ProjectAccess.Scope scope = access.requireReader(caller);
        if (!scope.official()) {
            throw new AccessDeniedException(caller.userId() + " may not read the project lists");
        }
        List<Project> rows = readable(caller, scope, locality).stream().filter(p -> list.includes(p, month)).toList();
        return new ProjectListView(list.key(), list.titleZh(), list.titleEn(), month, blankToNull(locality),
                list.definitionZh(), list.definitionEn(), rows.size(), views.views(caller, rows, month));
    }

    /** The locality asked for, if any: a locality unit the caller may read (400 for no such locality, 403 for another's). */
    private String checkedLocality(Caller caller, ProjectAccess.Scope scope, String rawLocality) {
        String locality = blankToNull(rawLocality);
        if (locality != null) {
            if (units.findById(locality).filter(Unit::isLocality).isEmpty()) {
                throw new InvalidInputException("locality", "属地 " + locality + " 不是本市的县区、开发区或湾里管理局",
                        "Locality " + locality + " is not one of the city's localities");
            }
            if (!scope.all() && !scope.localities().contains(locality) && scope.enterpriseId() == null) {
                throw new AccessDeniedException(caller.userId() + " may not read projects of " + locality);
            }
        }
        return locality;
    }

    /** The projects the caller may read, narrowed to one locality when asked (403 for a locality it may not read). */
    private List<Project> readable(Caller caller, ProjectAccess.Scope scope, String rawLocality) {
        String locality = checkedLocality(caller, scope, rawLocality);
        List<Project> candidates;
        if (scope.all()) {
            candidates = locality == null ? projects.findAllByOrderByLocalityUnitIdAscIdAsc()
                    : projects.findByLocalityUnitIdInOrderByLocalityUnitIdAscIdAsc(Set.of(locality));
        } else if (!scope.localities().isEmpty() && scope.enterpriseId() == null) {
            candidates = projects.findByLocalityUnitIdInOrderByLocalityUnitIdAscIdAsc(
                    locality == null ? scope.localities() : Set.of(locality));
        } else {
            candidates = projects.findAllByOrderByLocalityUnitIdAscIdAsc().stream()
                    .filter(scope::covers).filter(p -> locality == null || p.getLocalityUnitId().equals(locality)).toList();
        }
        java.util.Map<String, Integer> order = units.findAll().stream()
                .collect(java.util.stream.Collectors.toMap(Unit::getId, Unit::getSortOrder));
        return candidates.stream().sorted(java.util.Comparator
                .comparing((Project p) -> order.getOrDefault(p.getLocalityUnitId(), Integer.MAX_VALUE))
                .thenComparing(Project::getId)).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
