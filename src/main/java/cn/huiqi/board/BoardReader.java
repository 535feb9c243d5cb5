package cn.huiqi.board;

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
 * Who reads the board (default deny): 市工信局, 市财政局, auditors, 市领导 (group {@value Groups#LEADER}), policy staff and
 * operators every locality's figures and the pools; a locality's staff its own locality's figures only (no pools, no
 * other locality). Everyone else — enterprises, other city units, statistics — is refused.
 */
@Component
class BoardReader {

    private static final String[] CITY_READERS = { Groups.LEAD_BUREAU, Groups.FINANCE_BUREAU, Groups.AUDITOR, Groups.LEADER,
            Groups.POLICY_ADMIN, Groups.CAMUNDA_ADMIN };

    /** What one caller reads: everything ({@code localities} empty), or these localities only. */
    record Reader(Caller caller, boolean city, Set<String> localities) {

        boolean reads(String locality) {
            return city || localities.contains(locality);
        }
    }

    private final CurrentCaller currentCaller;
    private final UnitRepository units;

    BoardReader(CurrentCaller currentCaller, UnitRepository units) {
        this.currentCaller = currentCaller;
        this.units = units;
    }

    Reader current() {
        Caller caller = currentCaller.get();
        if (caller.isInAny(CITY_READERS)) {
            return new Reader(caller, true, Set.of());
        }
        Set<String> localities = new TreeSet<>();
        if (!caller.isIn(Groups.ENTERPRISE)) {
            units.findAllById(caller.groupIds()).stream().filter(Unit::isLocality).map(Unit::getId).forEach(localities::add);
        }
        if (localities.isEmpty()) {
            throw new AccessDeniedException(caller.userId() + " may not read the fulfilment board");
        }
        return new Reader(caller, false, Set.copyOf(localities));
    }
}
