package cn.huiqi.project;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.EnterpriseUser;
import cn.huiqi.enterprise.EnterpriseUserRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Who may do what in the project library (default deny):
 * <ul>
 * <li>市工信局 (group {@value Groups#LEAD_BUREAU}): reads and maintains every project and report;</li>
 * <li>{@code policy-admin}, {@code camunda-admin}, {@code auditor}: read everything;</li>
 * <li>a locality unit (group = a LOCALITY unit id): reads and maintains the projects located in it,
 * and only registers projects in it;</li>
 * <li>an enterprise user ({@code enterprise}, bound in {@code enterprise_user}): reads its own
 * enterprise's projects and their reports, nothing else (no lists, no changes);</li>
 * <li>anyone else (other city bureaus, unbound enterprise users): nothing (403).</li>
 * </ul>
 */
@Component
class ProjectAccess {

    /** What a caller may read: everything, some localities, one enterprise, or nothing. */
    public record Scope(boolean all, Set<String> localities, Long enterpriseId) {
        public boolean none() {
            return !all && localities.isEmpty() && enterpriseId == null;
        }

        public boolean covers(Project project) {
            return all || localities.contains(project.getLocalityUnitId())
                    || (enterpriseId != null && enterpriseId.equals(project.getEnterpriseId()));
        }

        /** Officials only: the three lists are working documents of the units. */
        public boolean official() {
            return all || !localities.isEmpty();
        }
    }

    private final UnitRepository units;
    private final EnterpriseUserRepository enterpriseUsers;

    public ProjectAccess(UnitRepository units, EnterpriseUserRepository enterpriseUsers) {
        this.units = units;
        this.enterpriseUsers = enterpriseUsers;
    }

    public Scope readScope(Caller caller) {
        if (caller.isInAny(Groups.LEAD_BUREAU, Groups.POLICY_ADMIN, Groups.CAMUNDA_ADMIN, Groups.AUDITOR)) {
            return new Scope(true, Set.of(), null);
        }
        Set<String> localities = localitiesOf(caller);
        Long enterpriseId = null;
        if (caller.isIn(Groups.ENTERPRISE)) {
            enterpriseId = enterpriseUsers.findById(caller.userId()).map(EnterpriseUser::getEnterpriseId).orElse(null);
        }
        return new Scope(false, localities, enterpriseId);
    }

    /** The readable scope, or 403 when the caller may read nothing at all. */
    public Scope requireReader(Caller caller) {
        Scope scope = readScope(caller);
        if (scope.none()) {
            throw new AccessDeniedException(caller.userId() + " may not read the project library");
        }
        return scope;
    }

    public boolean canRead(Caller caller, Project project) {
        return readScope(caller).covers(project);
    }

    /** May maintain projects located in {@code localityUnitId} (create, update, reports). */
    public boolean canMaintain(Caller caller, String localityUnitId) {
        return caller.isIn(Groups.LEAD_BUREAU) || localitiesOf(caller).contains(localityUnitId);
    }

    public boolean canMaintain(Caller caller, Project project) {
        return canMaintain(caller, project.getLocalityUnitId());
    }

    /** 403 unless the caller maintains projects somewhere (市工信局 or a locality). */
    public void requireMaintainer(Caller caller) {
        if (!caller.isIn(Groups.LEAD_BUREAU) && localitiesOf(caller).isEmpty()) {
            throw new AccessDeniedException(caller.userId() + " may not maintain projects");
        }
    }

    public void requireMaintainer(Caller caller, String localityUnitId) {
        if (!canMaintain(caller, localityUnitId)) {
            throw new AccessDeniedException(caller.userId() + " may not maintain projects of " + localityUnitId);
        }
    }

    /** Which localities the caller's groups are. */
    public Set<String> localitiesOf(Caller caller) {
        List<String> groups = caller.groupIds();
        if (groups.isEmpty()) {
            return Set.of();
        }
        return units.findAllById(groups).stream().filter(Unit::isLocality).map(Unit::getId).collect(Collectors.toUnmodifiableSet());
    }

    Optional<Long> enterpriseOf(Caller caller) {
        return Optional.ofNullable(readScope(caller).enterpriseId());
    }
}
