package cn.huiqi.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the engine's identity store (built-in tables in the quick
 * start), the same store the Camunda webapps log in against, and loads the user's groups. Failed logins
 * lock the account ({@link LoginLockout}); a locked account is refused with {@link AccountLockedException}.
 */
@Component
@Profile("!keycloak") // with Keycloak, passwords are checked by Keycloak's login page only
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final CurrentCaller currentCaller;
    private final LoginLockout lockout;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, CurrentCaller currentCaller,
                                                 LoginLockout lockout) {
        this.identityService = identityService;
        this.currentCaller = currentCaller;
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        if (userId == null || userId.isBlank() || password == null
                || !identityService.checkPassword(userId, password.toString())) {
            // the caller is told why even a correct password was refused (LoginLockout)
            if (userId != null && !userId.isBlank()) {
                lockout.lockedUntil(userId).ifPresent(until -> {
                    throw new AccountLockedException(until);
                });
            }
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null,
                GroupAuthorities.of(currentCaller.groupsOf(userId)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
