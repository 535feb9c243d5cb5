package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.huiqi.HuiqiApplication;
import cn.huiqi.testsupport.QuietLoggers;

/** Runs against the seeded quick-start store, where every demo account still opens with "demo". */
@IdentityIntegrationTest
class DemoAccountGuardTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext context;

    @Test
    void theGuardIsOffInTheQuickStart() {
        assertThat(context.getBeanNamesForType(DemoAccountGuard.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoIdentitySeeder.class)).hasSize(1);
    }

    @Test
    void refusesWhileDemoAccountsOpenWithTheDemoPasswordAndNamesThem() {
        DemoAccountGuard guard = new DemoAccountGuard(identityService);

        assertThat(guard.openDemoAccounts()).containsExactlyElementsOf(DemoAccounts.USER_IDS);
        assertThatThrownBy(guard::refuseOpenDemoAccounts)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin")
                .hasMessageContaining("donghu-verifier")
                .hasMessageContaining("ent-anyi")
                .hasMessageContaining("huiqi.demo-accounts=false");
    }

    @Test
    void aDemoAccountLockedByAMistypedPasswordIsStillFound() {
        String userId = "jinxian-verifier";
        for (int failure = 0; failure < 5; failure++) { // huiqi.login.max-failures
            assertThat(identityService.checkPassword(userId, "mistyped")).isFalse();
        }
        assertThat(identityService.checkPassword(userId, DemoAccounts.PASSWORD)).as("locked").isFalse();

        assertThat(new DemoAccountGuard(identityService).openDemoAccounts()).contains(userId);
    }

    @Test
    void aDemoAccountWithAChangedPasswordIsNoLongerOpenAndNotLockedByTheCheck() {
        String userId = "ctjt-reviewer";
        setPassword(userId, "a-real-password");
        try {
            assertThat(new DemoAccountGuard(identityService).openDemoAccounts())
                    .doesNotContain(userId)
                    .contains("admin");
            // the guard's probe with "demo" must not lock the real user out
            assertThat(identityService.checkPassword(userId, "a-real-password")).isTrue();
        } finally {
            setPassword(userId, DemoAccounts.PASSWORD);
            identityService.unlockUser(userId);
        }
    }

    @Test
    void anApplicationWithoutDemoAccountsDoesNotStartOnThisStore() {
        // command-line arguments: SpringApplicationBuilder.properties() would lose to application.yml
        String[] args = {
                "--huiqi.demo-accounts=false",
                "--spring.datasource.url=" + IdentityIntegrationTest.DATABASE_URL,
                // no web server, webapps or REST: a second Camunda webapp in this JVM would replace the
                // static runtime delegates of the test context's webapp and leave it broken once closed
                "--spring.main.web-application-type=none",
                "--spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                // a second engine in this JVM: keep it apart from the test context's engine and jobs
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false"};

        assertThatThrownBy(QuietLoggers.during(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(HuiqiApplication.class).run(args)) {
                // reaching this line is the failure; the context is closed on the way out
            }
        }, "org.springframework.boot.SpringApplication")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start").hasMessageContaining("admin");
    }

    private void setPassword(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        identityService.saveUser(user);
    }
}
