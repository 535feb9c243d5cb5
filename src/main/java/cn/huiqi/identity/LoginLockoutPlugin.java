package cn.huiqi.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Installs {@link LockoutIdentityProvider} as the engine's identity provider (built-in identity only). */
@Component
@Profile("!keycloak") // with Keycloak, passwords are checked (and brute force stopped) by Keycloak
class LoginLockoutPlugin extends AbstractProcessEnginePlugin {

    private final LoginLockout lockout;

    public LoginLockoutPlugin(LoginLockout lockout) {
        this.lockout = lockout;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return WritableIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new LockoutIdentityProvider(lockout);
            }
        });
    }
}
