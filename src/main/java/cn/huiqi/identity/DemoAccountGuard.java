package cn.huiqi.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the quick start, refuses to start while a demo login still opens with the well-known
 * password: a copied H2 file or a careless import must not put "admin / demo" on a real server.
 * Throwing here fails the application context before the web server accepts a request.
 */
@Component
@ConditionalOnProperty(name = "huiqi.demo-accounts", havingValue = "false", matchIfMissing = true)
// the built-in identity's guard; with Keycloak the built-in tables are unused and KeycloakDemoRealmGuard
// refuses a realm that still has the demo users
@Profile("!keycloak")
class DemoAccountGuard implements SmartInitializingSingleton {

    private final IdentityService identityService;

    public DemoAccountGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        refuseOpenDemoAccounts();
    }

    public void refuseOpenDemoAccounts() {
        List<String> open = openDemoAccounts();
        if (!open.isEmpty()) {
            throw new IllegalStateException("Refusing to start (huiqi.demo-accounts=false): the demo accounts " + open
                    + " still accept the password \"" + DemoAccounts.PASSWORD + "\". Delete them or change their"
                    + " passwords in Camunda Admin first. / 拒绝启动：以上演示账号仍可用密码 \"" + DemoAccounts.PASSWORD
                    + "\" 登录，请先在 Camunda Admin 中删除或修改密码。");
        }
    }

    /** Demo accounts that exist and accept the demo password, in the order of {@link DemoAccounts}. */
    public List<String> openDemoAccounts() {
        List<String> existing = identityService.createUserQuery()
                .userIdIn(DemoAccounts.USER_IDS.toArray(String[]::new))
                .list().stream().map(User::getId).toList();
        return DemoAccounts.USER_IDS.stream()
                .filter(existing::contains)
                .filter(this::acceptsDemoPassword)
                .toList();
    }

    /**
     * checkPassword answers false for a locked user whatever the password, and counts a miss as a failed
     * login that locks the user for a while. So, in a writable store, unlock before asking (or an account
     * someone just mistyped would slip through) and after a miss (or every start-up would lock out the
     * real user, and ten start-ups would lock the account for good).
     */
    private boolean acceptsDemoPassword(String userId) {
        boolean writable = !identityService.isReadOnly();
        if (writable) {
            identityService.unlockUser(userId);
        }
        boolean accepted = identityService.checkPassword(userId, DemoAccounts.PASSWORD);
        if (!accepted && writable) {
            identityService.unlockUser(userId);
        }
        return accepted;
    }
}
