package cn.huiqi.identity;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who a Keycloak-authenticated request is: the user name (claim {@code preferred_username}, which is the
 * Camunda user id under the plugin), its groups as the identity plugin reports them now (cached for
 * huiqi.keycloak.cache-ttl, so a removal in Keycloak takes effect without a new token or a new login),
 * and the enterprise binding from the {@code uscc} claim.
 */
@Component
@Profile("keycloak")
public class KeycloakCallers {

    static final String USER_NAME_CLAIM = "preferred_username";

    private final CurrentCaller currentCaller;
    private final UsccClaim enterpriseBinding;

    public KeycloakCallers(CurrentCaller currentCaller, UsccClaim enterpriseBinding) {
        this.currentCaller = currentCaller;
        this.enterpriseBinding = enterpriseBinding;
    }

    /** The caller of a bearer-token or OIDC-session request, or null for anything else. */
    public Caller resolve(Authentication authentication) {
        String userId = claim(authentication, USER_NAME_CLAIM);
        if (userId == null || userId.isBlank()) {
            return null;
        }
        List<String> groups = currentCaller.groupsOf(userId);
        enterpriseBinding.refresh(userId, groups, claim(authentication, UsccClaim.CLAIM));
        return new Caller(userId, groups);
    }

    static String claim(Authentication authentication, String name) {
        Object value = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            value = jwt.getToken().getClaims().get(name);
        } else if (authentication instanceof OAuth2AuthenticationToken oauth2
                && oauth2.getPrincipal() instanceof OidcUser user) {
            value = user.getClaims().get(name);
        }
        return value == null ? null : value.toString();
    }
}
