package cn.huiqi.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitAdministration;
import cn.huiqi.unit.UnitApi;

/**
 * Administrators (camunda-admin, nobody else) maintain the handling units of enterprise demands: a unit row and its
 * group, in one transaction. Quick start (Camunda's built-in identity): the group is created with the unit and renamed
 * with it. Keycloak profile (read-only identity): groups live in Keycloak, so the administrator creates the group there
 * first (same id as the unit, docs/security.md) and the app refuses a unit whose group Keycloak lacks; a rename changes
 * the unit's names here only. Every change is in unit_change and the security log.
 * A financial institution (measure 8) is a unit and group too, added the same way by an administrator or 市金融办,
 * but its group gets no engine authorizations (no Tasklist, no Cockpit, no /engine-rest).
 */
@Service
public class UnitGroups {

    /** Group ids that are roles, never units. */
    static final Set<String> ROLE_GROUPS = Set.of(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.ENTERPRISE, Groups.AUDITOR, Groups.LEADER);

    private final UnitAdministration administration;
    private final IdentityService identityService;
    private final AuthorizationSetup authorizationSetup;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    UnitGroups(UnitAdministration administration, IdentityService identityService, AuthorizationSetup authorizationSetup,
               CurrentCaller currentCaller, Clock clock) {
        this.administration = administration;
        this.identityService = identityService;
        this.authorizationSetup = authorizationSetup;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Transactional
    public Unit add(UnitApi.NewUnit request) {
        return add(administrator(), request, false);
    }

    /** A financial institution's unit and group (administrators and 市金融办); the caller keeps its kind and contact. */
    @Transactional
    public Unit addInstitution(UnitApi.NewUnit request) {
        Caller caller = institutionAdministrator();
        return asSystem(() -> add(caller, request, true)); // 市金融办 holds no engine authorization on groups
    }

    private Unit add(Caller caller, UnitApi.NewUnit request, boolean institution) {
        String id = administration.checkNew(request);
        if (ROLE_GROUPS.contains(id)) {
            throw new ConflictException("id", "标识 " + id + " 是角色组，不能用作单位", "Id " + id + " is a role group and cannot be a unit");
        }
        boolean groupExists = identityService.createGroupQuery().groupId(id).count() > 0;
        if (identityService.isReadOnly() && !groupExists) {
            throw new ConflictException("id", "Keycloak 中没有组 " + id + "：请先在 Keycloak 中创建该组（组名即单位标识），再添加单位",
                    "Keycloak has no group " + id + ": create the group in Keycloak first (its name is the unit id), then add the unit");
        }
        if (!identityService.isReadOnly() && groupExists) {
            throw new ConflictException("id", "已有组 " + id + "：请换一个单位标识", "A group " + id + " exists already: choose another unit id");
        }
        Unit unit = institution ? administration.addInstitution(request, caller.userId(), clock.instant())
                : administration.add(request, caller.userId(), clock.instant());
        if (!identityService.isReadOnly()) {
            Group group = identityService.newGroup(id);
            group.setName(unit.getNameZh());
            group.setType(institution ? DemoIdentitySeeder.INSTITUTION_GROUP_TYPE : DemoIdentitySeeder.UNIT_GROUP_TYPE);
            identityService.saveGroup(group);
        }
        if (institution) {
            SecurityLog.event("INSTITUTION_ADDED", caller.userId(), "unit=" + id);
            return unit;
        }
        authorizationSetup.setUp(); // the new unit group's task list access, like every unit's
        SecurityLog.event("UNIT_ADDED", caller.userId(), "unit=" + id + " liaison=" + unit.isLiaison());
        return unit;
    }

    @Transactional
    public Unit update(String id, UnitApi.UnitChange request) {
        Caller caller = administrator();
        return update(caller, administration.update(id, request, caller.userId(), clock.instant()));
    }

    /** Renames or retires a financial institution's unit (administrators and 市金融办). */
    @Transactional
    public UnitAdministration.Changed updateInstitution(String id, UnitApi.UnitChange request) {
        Caller caller = institutionAdministrator();
        return asSystem(() -> {
            UnitAdministration.Changed changed = administration.updateInstitution(id, request, caller.userId(), clock.instant());
            update(caller, changed);
            return changed;
        });
    }

    /** The group work of an institution's unit, done as the system once the caller was checked. */
    private <T> T asSystem(java.util.function.Supplier<T> work) {
        org.camunda.bpm.engine.impl.identity.Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private Unit update(Caller caller, UnitAdministration.Changed changed) {
        Unit unit = changed.unit();
        if (changed.renamed() && !identityService.isReadOnly()) {
            Group group = identityService.createGroupQuery().groupId(unit.getId()).singleResult();
            if (group != null) {
                group.setName(unit.getNameZh());
                identityService.saveGroup(group);
            }
        }
        if (changed.changed()) {
            SecurityLog.event("UNIT_CHANGED", caller.userId(), "unit=" + unit.getId() + " active=" + unit.isActive()
                    + " liaison=" + unit.isLiaison() + " renamed=" + changed.renamed());
        }
        return unit;
    }

    /** The audit of the units' changes: administrators and auditors. */
    @Transactional(readOnly = true)
    public List<UnitApi.ChangeView> changes() {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.AUDITOR)) {
            throw new AccessDeniedException(caller.userId() + " may not read the units' changes");
        }
        return administration.changes();
    }

    /** Administrators and 市金融办 (the lead unit of measure 8) maintain the financial institutions. */
    public Caller institutionAdministrator() {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.FINANCIAL_OFFICE)) {
            throw new AccessDeniedException(caller.userId() + " may not administer the financial institutions");
        }
        return caller;
    }

    private Caller administrator() {
        Caller caller = currentCaller.get();
        if (!caller.isIn(Groups.CAMUNDA_ADMIN)) {
            throw new AccessDeniedException(caller.userId() + " may not change the units");
        }
        return caller;
    }
}
