package cn.huiqi.assistance;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The unit an official works for in measure 7's intake (visits, hotline tickets, visit plans): the lead bureau (gxj,
 * every enterprise) or a locality (its own enterprises). Anybody else is refused (403).
 */
@Component
class OfficialUnit {

    private final UnitRepository units;

    OfficialUnit(UnitRepository units) {
        this.units = units;
    }

    /** gxj, else the caller's one locality; 403 for everybody else (enterprises, other city units, auditors …). */
    String of(Caller caller) {
        return find(caller).orElseThrow(() -> new AccessDeniedException(
                caller.userId() + " is neither the lead bureau nor a locality"));
    }

    Optional<String> find(Caller caller) {
        if (caller.isIn(Groups.ENTERPRISE)) {
            return Optional.empty();
        }
        if (caller.isIn(Groups.LEAD_BUREAU)) {
            return Optional.of(Groups.LEAD_BUREAU);
        }
        List<String> localities = units.findAllById(caller.groupIds()).stream().filter(Unit::isLocality).map(Unit::getId).toList();
        return localities.size() == 1 ? Optional.of(localities.get(0)) : Optional.empty();
    }

    /** Whether the unit may act for this enterprise: gxj for all, a locality for its own. */
    static boolean covers(String unit, Enterprise enterprise) {
        return Groups.LEAD_BUREAU.equals(unit) || unit.equals(enterprise.getLocalityUnitId());
    }

    boolean isLocality(String unitId) {
        return units.findById(unitId).map(Unit::isLocality).orElse(false);
    }

    boolean exists(String unitId) {
        return units.findById(unitId).filter(u -> !u.isInstitution()).isPresent();
    }
}
