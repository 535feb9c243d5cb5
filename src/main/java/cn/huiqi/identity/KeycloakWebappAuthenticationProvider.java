package cn.huiqi.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Profile keycloak: logs the OIDC-authenticated browser user into Camunda's webapps (Tasklist, Cockpit,
 * Admin) without Camunda's own login form. Instantiated by Camunda's ContainerBasedAuthenticationFilter
 * (by class name, so no Spring injection): the user comes from Spring Security's context, its groups from
 * the engine's identity service, i.e. the Keycloak plugin. The webapps re-read groups and authorized apps
 * after camunda.bpm.webapp.auth.cache.time-to-live.
 */
public class KeycloakWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken)) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = KeycloakCallers.claim(authentication, KeycloakCallers.USER_NAME_CLAIM);
        if (userId == null || userId.isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        AuthenticationResult result = AuthenticationResult.successful(userId);
        result.setGroups(groups);
        return result;
    }
}
