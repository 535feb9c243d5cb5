package cn.huiqi.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.huiqi.testsupport.OneForkAtATime;

/**
 * The whole application in profile {@code keycloak} against the real Keycloak of scripts/keycloak.sh
 * (127.0.0.1:8180, realm huiqi freshly imported), on a private in-memory H2 without the demo
 * enterprises: tests register the enterprises they need ({@link KeycloakTestRealm#registerDemoEnterprises}).
 * One context for every class (Spring's context cache). The app logs in with the realm's test client
 * huiqi-dev, whose redirect URIs allow the random port; group look-ups are cached 3 s, signed-in
 * users are checked against Keycloak every 2 s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("keycloak")
// before SpringExtension: fails (CI) or skips (locally) before the context tries to reach Keycloak
@ExtendWith(KeycloakRequired.class)
// one Keycloak for both test JVMs: its classes take turns (sessions, groups, disabled users are shared state)
@OneForkAtATime("keycloak")
@ActiveProfiles("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:keycloak;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "spring.flyway.locations=classpath:db/migration,classpath:db/demo/rounds",
        "huiqi.keycloak.client-id=" + KeycloakTestRealm.DEV_CLIENT,
        "huiqi.keycloak.client-secret=" + KeycloakTestRealm.DEV_CLIENT_SECRET,
        "huiqi.keycloak.demo-mode=true",
        "huiqi.keycloak.cache-ttl=PT3S",
        "huiqi.keycloak.session-check-interval=PT2S",
        "huiqi.keycloak.clock-skew=PT0S",
        "camunda.bpm.webapp.auth.cache.time-to-live=2000",
        "camunda.bpm.job-execution.enabled=false"})

@Import({CallerEchoController.class, TestProcessContracts.class})
public @interface KeycloakIntegrationTest {
}
