package cn.huiqi.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.InvalidInputException;
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

    public ProjectQueries(ProjectRepository projects, ProjectAccess access, ProjectViews views, UnitRepository units) {
        this.projects = projects;
        this.access = access;
        this.views = views;
        this.units = units;
    }

    /** Filter of the project list; every field optional. */
    public record Filter(String locality, ProjectStatus status, Boolean major, LocalDate plannedCompletionBy) {
    }

    @Transactional(readOnly = true)
    public List<ProjectView> list(Caller caller, Filter filter, YearMonth month) {
        ProjectAccess.Scope scope = access.requireReader(caller);
        List<Project> found = readable(caller, scope, filter.locality()).stream()
                .filter(p -> filter.status() == null || p.getStatus() == filter.status())
                .filter(p -> filter.major() == null || p.isMajor() == filter.major())
                .filter(p -> filter.plannedCompletionBy() == null || !p.getPlannedCompletion().isAfter(filter.plannedCompletionBy()))
                .toList();
        return views.views(caller, found, month);
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

    /** The projects the caller may read, narrowed to one locality when asked (403 for a locality it may not read). */
    private List<Project> readable(Caller caller, ProjectAccess.Scope scope, String rawLocality) {
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
