package cn.huiqi.inbox;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;

/** Whom a caller reads messages as: its login, its groups (units) and the enterprises it acts for today. */
@Component
class Audience {

    /** Never a recipient id: keeps an IN list non-empty without matching anything. */
    private static final String NOBODY = "";

    private final EnterpriseRegister register;

    Audience(EnterpriseRegister register) {
        this.register = register;
    }

    Of of(Caller caller) {
        List<String> enterprises = register.actedForBy(caller.userId()).stream().map(e -> Long.toString(e.getId())).toList();
        return new Of(caller.userId(), orNobody(caller.groupIds()), orNobody(enterprises));
    }

    private static List<String> orNobody(List<String> ids) {
        return ids.isEmpty() ? List.of(NOBODY) : ids;
    }

    record Of(String user, List<String> units, List<String> enterprises) {
    }
}
