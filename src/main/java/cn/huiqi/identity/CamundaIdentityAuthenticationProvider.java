package cn.huiqi.identity;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the engine's identity store (built-in tables in the quick
 * start), the same store the Camunda webapps log in against, and loads the user's groups, in one statement
 * ({@link LoginLockout#groupsIfCorrect}, the check the engine's own password check makes too). Failed logins
 * lock the account ({@link LoginLockout}); a locked account is refused with {@link AccountLockedException}.
 */
@Component
@Profile("!keycloak") // with Keycloak, passwords are checked by Keycloak's login page only
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final ProcessEngine engine;
    private final LoginLockout lockout;

    public CamundaIdentityAuthenticationProvider(ProcessEngine engine, LoginLockout lockout) {
        this.engine = engine;
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object password = authentication.getCredentials();
        Optional<List<String>> groups = userId == null || userId.isBlank() || password == null ? Optional.empty()
                : lockout.groupsIfCorrect(userId, password.toString(), passwords());
        if (groups.isEmpty()) {
            // the caller is told why even a correct password was refused (LoginLockout)
            if (userId != null && !userId.isBlank()) {
                lockout.lockedUntil(userId).ifPresent(until -> {
                    throw new AccountLockedException(until);
                });
            }
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, GroupAuthorities.of(groups.get()));
    }

    private PasswordManager passwords() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
