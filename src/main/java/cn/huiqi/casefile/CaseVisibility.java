package cn.huiqi.casefile;

import java.util.Set;

import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Who may read which case (default deny): administrators, policy staff and auditors all; an
 * enterprise user the cases of the enterprises it acts for ({@link EnterpriseRegister#actsFor}: its own,
 * and those whose authorisation as agent is in force); a locality its own locality's; a city bureau the cases it
 * reviews (recorded on the case when the units were assigned); the finance bureau the cases at or past disbursement.
 * {@link #scopeOf} states the same rule for a list query's WHERE clause ({@link CaseList}). A measure may add readers of
 * its own cases ({@link CaseVisibilityExtension}, e.g. measure 7's assigned units); it never takes any away.
 */
@Component
public class CaseVisibility {

    private static final Set<String> FINANCE_STATUSES = Set.of(RewardStatus.DISBURSEMENT.name(), RewardStatus.PAID.name());

    private final EnterpriseRegister register;
    private final UnitRepository units;
    private final java.util.List<CaseVisibilityExtension> extensions;

    public CaseVisibility(EnterpriseRegister register, UnitRepository units, java.util.List<CaseVisibilityExtension> extensions) {
        this.register = register;
        this.units = units;
        this.extensions = java.util.List.copyOf(extensions);
    }

    private java.util.List<CaseVisibilityExtension.Condition> extensionsOf(Caller caller) {
        return extensions.stream().map(e -> e.condition(caller)).flatMap(java.util.Optional::stream).toList();
    }

    /**
     * What a caller may read, as the database sees it: everything, or the cases of these enterprises, or those of
     * these localities, reviewed by these city units, or (finance bureau) in these statuses. A case's locality is
     * always a locality unit and its review units city units (ResponsibleUnitAssignment checks them), so each
     * branch takes only the caller's groups of that kind and a locality's query stays on its index.
     */
    public record Scope(boolean all, Set<Long> enterpriseIds, Set<String> localities, Set<String> reviewUnits,
                        Set<String> statuses, java.util.List<CaseVisibilityExtension.Condition> extensions) {

        static final Scope ALL = new Scope(true, Set.of(), Set.of(), Set.of(), Set.of(), java.util.List.of());

        public Scope {
            extensions = java.util.List.copyOf(extensions);
        }

        public boolean none() {
            return !all && enterpriseIds.isEmpty() && localities.isEmpty() && reviewUnits.isEmpty() && statuses.isEmpty()
                    && extensions.isEmpty();
        }
    }

    public Scope scopeOf(Caller caller) {
        if (caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            return Scope.ALL;
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            Set<Long> ids = new java.util.LinkedHashSet<>();
            register.actedForBy(caller.userId()).stream().map(Enterprise::getId).forEach(ids::add);
            return new Scope(false, Set.copyOf(ids), Set.of(), Set.of(), Set.of(), extensionsOf(caller));
        }
        Set<String> localities = new java.util.TreeSet<>();
        Set<String> cityUnits = new java.util.TreeSet<>();
        for (Unit unit : units.findAllById(caller.groupIds())) {
            if (unit.isInstitution()) {
                continue; // a financial institution reviews no case (measure 8 reads its demands through the app)
            }
            (unit.isLocality() ? localities : cityUnits).add(unit.getId());
        }
        return new Scope(false, Set.of(), localities, cityUnits,
                caller.isIn(Groups.FINANCE_BUREAU) ? FINANCE_STATUSES : Set.of(), extensionsOf(caller));
    }

    public boolean canRead(Caller caller, CaseRecord caseRecord) {
        if (caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            return true;
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            return caseRecord.getEnterpriseId() != null && register.actsFor(caller.userId(), caseRecord.getEnterpriseId());
        }
        if (caller.isIn(caseRecord.getLocalityUnitId())) {
            return true;
        }
        if (caller.isIn(Groups.FINANCE_BUREAU) && FINANCE_STATUSES.contains(caseRecord.getStatus())) {
            return true;
        }
        return caseRecord.getReviewUnits().stream().anyMatch(caller::isIn)
                || extensions.stream().anyMatch(e -> e.canRead(caller, caseRecord));
    }
}
