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
 * and the enterprise binding from the {@code organization} claim: an enterprise is a Keycloak organization
 * whose alias is its USCC (统一社会信用代码), and its users are the organization's members. Kept out of the
 * user's attributes on purpose: the identity plugin's service account can read every user's attributes,
 * but not organizations or their members.
 */
@Component
@Profile("keycloak")
class KeycloakCallers {

    static final String USER_NAME_CLAIM = "preferred_username";
    static final String ORGANIZATION_CLAIM = "organization";

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
        enterpriseBinding.refresh(userId, groups, enterpriseUscc(authentication));
        return new Caller(userId, groups);
    }

    /**
     * The USCC of the one organization the user is a member of ({@code organization} claim: a list of aliases,
     * or an object keyed by alias when the mapper adds attributes); null for none or several (a person acting
     * for several enterprises needs an explicit authorisation per enterprise, not a second membership).
     */
    static String enterpriseUscc(Authentication authentication) {
        Object value = claimValue(authentication, ORGANIZATION_CLAIM);
        java.util.Collection<?> aliases = value instanceof java.util.Map<?, ?> map ? map.keySet()
                : value instanceof java.util.Collection<?> list ? list
                : value == null ? List.of() : List.of(value);
        List<String> names = aliases.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList();
        return names.size() == 1 ? names.get(0) : null;
    }

    static String claim(Authentication authentication, String name) {
        Object value = claimValue(authentication, name);
        return value == null ? null : value.toString();
    }

    private static Object claimValue(Authentication authentication, String name) {
        Object value = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            value = jwt.getToken().getClaims().get(name);
        } else if (authentication instanceof OAuth2AuthenticationToken oauth2
                && oauth2.getPrincipal() instanceof OidcUser user) {
            value = user.getClaims().get(name);
        }
        return value;
    }
}
