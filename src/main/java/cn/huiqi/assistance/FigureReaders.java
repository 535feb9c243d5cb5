package cn.huiqi.assistance;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Who reads which figures (default deny): the lead bureau (gxj), auditors and administrators all; a locality the demands
 * of its enterprises and those assigned to it, with only its own row by unit and by locality; a handling unit the
 * demands assigned to it (now or before), with only its own row by unit; enterprises and callers of no unit nothing.
 */
@Component
class FigureReaders {

    /** What the current caller may read; {@code all} or the caller's localities and other units. */
    record Reader(boolean all, Set<String> localities, Set<String> units) {

        boolean sees(DemandFacts demand) {
            return all || localities.contains(demand.localityUnit())
                    || demand.assignedUnits().stream().anyMatch(u -> localities.contains(u) || units.contains(u));
        }

        boolean seesRow(FigureGrouping grouping, String key) {
            if (all) {
                return true;
            }
            return switch (grouping) {
                case UNIT -> localities.contains(key) || units.contains(key);
                case LOCALITY -> localities.isEmpty() || localities.contains(key);
                case CATEGORY -> true;
            };
        }
    }

    private final CurrentCaller currentCaller;
    private final UnitRepository unitRepository;

    FigureReaders(CurrentCaller currentCaller, UnitRepository unitRepository) {
        this.currentCaller = currentCaller;
        this.unitRepository = unitRepository;
    }

    Reader current() {
        Caller caller = currentCaller.get();
        if (caller.isIn(Groups.ENTERPRISE)) {
            throw new AccessDeniedException(caller.userId() + " (enterprise) may not read the assistance figures");
        }
        if (caller.isInAny(Groups.LEAD_BUREAU, Groups.AUDITOR, Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN)) {
            return new Reader(true, Set.of(), Set.of());
        }
        Set<String> localities = new TreeSet<>();
        Set<String> units = new TreeSet<>();
        for (Unit unit : unitRepository.findAllById(caller.groupIds())) {
            if (unit.isInstitution()) {
                continue;
            }
            (unit.isLocality() ? localities : units).add(unit.getId());
        }
        if (localities.isEmpty() && units.isEmpty()) {
            throw new AccessDeniedException(caller.userId() + " belongs to no unit and may not read the assistance figures");
        }
        return new Reader(false, Set.copyOf(localities), Set.copyOf(units));
    }
}
