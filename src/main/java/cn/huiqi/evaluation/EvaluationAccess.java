package cn.huiqi.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Who may do what in an evaluation round (default deny). 市工信局 (gxj) opens rounds, sets targets, scores and corrects;
 * 市统计局 (tjj) and gxj import official figures; a locality reads, reports, confirms and disputes only its own figures;
 * policy staff and auditors read everything and change nothing. Everyone else is refused.
 */
@Component
class EvaluationAccess {

    /** 市统计局: provides the official figures (V33). */
    static final String STATISTICS_BUREAU = "tjj";

    private final CurrentCaller currentCaller;
    private final UnitRepository units;

    EvaluationAccess(CurrentCaller currentCaller, UnitRepository units) {
        this.currentCaller = currentCaller;
        this.units = units;
    }

    Caller caller() {
        return currentCaller.get();
    }

    /** The evaluated localities by id, in their order (unit names in Chinese). */
    Map<String, String> localities() {
        Map<String, String> localities = new LinkedHashMap<>();
        for (Unit unit : units.findAllByOrderBySortOrder()) {
            if (unit.isLocality()) {
                localities.put(unit.getId(), unit.getNameZh());
            }
        }
        return localities;
    }

    static boolean isLeadBureau(Caller caller) {
        return caller.isIn(Groups.LEAD_BUREAU);
    }

    /** Reads every locality's figures and the whole timeline. */
    static boolean readsAll(Caller caller) {
        return caller.isInAny(Groups.LEAD_BUREAU, STATISTICS_BUREAU, Groups.POLICY_ADMIN, Groups.AUDITOR);
    }

    /** The localities the caller acts for (usually one). */
    List<String> ownLocalities(Caller caller) {
        return localities().keySet().stream().filter(caller::isIn).toList();
    }

    Caller reader() {
        Caller caller = caller();
        if (!readsAll(caller) && ownLocalities(caller).isEmpty()) {
            throw refused(caller, "read locality evaluations");
        }
        return caller;
    }

    Caller leadBureau() {
        Caller caller = caller();
        if (!isLeadBureau(caller)) {
            throw refused(caller, "act for 市工信局 in locality evaluations");
        }
        return caller;
    }

    Caller importer() {
        Caller caller = caller();
        if (!caller.isInAny(Groups.LEAD_BUREAU, STATISTICS_BUREAU)) {
            throw refused(caller, "import official figures");
        }
        return caller;
    }

    Caller locality() {
        Caller caller = caller();
        if (ownLocalities(caller).isEmpty()) {
            throw refused(caller, "act for a locality");
        }
        return caller;
    }

    static AccessDeniedException refused(Caller caller, String what) {
        return new AccessDeniedException(caller.userId() + " may not " + what);
    }
}
