package cn.huiqi.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who is calling. The security filter puts every authenticated request's user and groups into the
 * engine (IdentityService.setAuthentication), so the app and the engine see the same caller.
 */
@Component
public class CurrentCaller {

    private final IdentityService identityService;

    public CurrentCaller(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Caller get() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new AccessDeniedException("not authenticated");
        }
        return new Caller(authentication.getUserId(), authentication.getGroupIds() == null
                ? java.util.List.of() : authentication.getGroupIds());
    }

    /** The groups of a user as the identity provider knows them (built-in identity or Keycloak). */
    public java.util.List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
