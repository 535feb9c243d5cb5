package cn.huiqi.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's authentication, for work the app has already authorized by
 * its own rules (e.g. a lead bureau recording an objection on a case it may not otherwise touch in
 * the engine). Use only after such a check.
 */
@Component
public class EngineAsSystem {

    private final IdentityService identityService;

    public EngineAsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
