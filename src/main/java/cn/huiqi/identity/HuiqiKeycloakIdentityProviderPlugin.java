package cn.huiqi.identity;

import java.time.Duration;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderFactory;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;

/**
 * Camunda's read-only Keycloak identity provider (users, groups, memberships come from realm huiqi),
 * with user and group look-ups cached for {@link KeycloakProperties#cacheTtl()}.
 */
class HuiqiKeycloakIdentityProviderPlugin extends KeycloakIdentityProviderPlugin {

    private static final int CACHE_SIZE = 2000;

    private final Duration cacheTtl;

    public HuiqiKeycloakIdentityProviderPlugin(KeycloakProperties properties) {
        this.cacheTtl = properties.cacheTtl();
        setKeycloakIssuerUrl(properties.backchannelUrl());
        setKeycloakAdminUrl(properties.backchannelServer() + "/admin/realms/" + properties.realm());
        setClientId(properties.identityClientId());
        setClientSecret(properties.identityClientSecret());
        // user ids = Keycloak user names (ent-hongdu), group ids = top-level group paths (gxj, donghu):
        // the ids that BPMN candidate groups, authorizations and enterprise bindings use
        setUseUsernameAsCamundaUserId(true);
        setUseGroupPathAsCamundaGroupId(true);
        setCacheEnabled(true);
        setMaxCacheSize(CACHE_SIZE);
        setCacheExpirationTimeoutMin((int) Math.max(1, cacheTtl.toMinutes()));
        // passwords are never checked by the app: Keycloak's login page does that
        setLoginCacheEnabled(false);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        KeycloakIdentityProviderFactory factory = (KeycloakIdentityProviderFactory) configuration.getIdentityProviderSessionFactory();
        factory.setUserQueryCache(new ExpiringQueryCache<>(cacheTtl, CACHE_SIZE));
        factory.setGroupQueryCache(new ExpiringQueryCache<>(cacheTtl, CACHE_SIZE));
    }
}
