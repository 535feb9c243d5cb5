package cn.huiqi.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile keycloak: the demo users of docker/keycloak/huiqi-realm.json (same ids as the quick start's,
 * passwords published in the README) belong to the local and test realm only. Refuses to start while
 * the realm has any of them, unless huiqi.keycloak.allow-demo-users=true (scripts/keycloak.sh users,
 * the tests, the local docker compose stack). Also checks that the plugin reaches Keycloak at all.
 */
@Component
@Profile("keycloak")
public class KeycloakDemoUsersGuard implements SmartInitializingSingleton {

    private final IdentityService identityService;
    private final KeycloakProperties properties;

    public KeycloakDemoUsersGuard(IdentityService identityService, KeycloakProperties properties) {
        this.identityService = identityService;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> demoUsers = demoUsersInRealm();
        if (!demoUsers.isEmpty() && !properties.allowDemoUsers()) {
            throw new IllegalStateException("Refusing to start (profile keycloak): realm " + properties.realm()
                    + " has the demo users " + demoUsers + " of the local realm, whose passwords are public."
                    + " Import a realm without them, or set huiqi.keycloak.allow-demo-users=true on a local machine."
                    + " / 拒绝启动：Keycloak 领域中仍有演示用户（密码已公开），请导入不含演示用户的领域；"
                    + "仅在本机试用时可设置 huiqi.keycloak.allow-demo-users=true。");
        }
    }

    public List<String> demoUsersInRealm() {
        return identityService.createUserQuery().userIdIn(DemoAccounts.USER_IDS.toArray(String[]::new)).list().stream()
                .map(User::getId).sorted().toList();
    }
}
