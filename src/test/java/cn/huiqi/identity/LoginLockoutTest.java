package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;
import cn.huiqi.testsupport.TestUsers;

/**
 * huiqi.login.max-failures (5) consecutive failures lock an account for huiqi.login.lock-duration (PT4S in
 * this context), whichever way the password is checked; a correct password is refused while locked, with
 * the reason; every failure, lock and refusal is a security_audit row. Each test has users of its own.
 */
@IdentityIntegrationTest
class LoginLockoutTest {

    private static final String PASSWORD = "Lock-Test-2023";
    private static final int MAX_FAILURES = 5;

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiveWrongPasswordsLockTheAccountAndEvenTheRightOneIsRefusedWithTheReasonUntilTheLockEnds() throws Exception {
        String user = person("lock-basic");
        for (int failure = 1; failure < MAX_FAILURES; failure++) {
            HttpResponse<String> wrong = HttpApi.as(port, user, "guess-" + failure).get("/api/me");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("需要登录");
        }
        HttpResponse<String> fifth = HttpApi.as(port, user, "guess-5").get("/engine-rest/task");
        assertThat(fifth.statusCode()).isEqualTo(401);
        assertThat(fifth.body()).as("the failure that locks says so").contains("账户已锁定");

        HttpResponse<String> right = HttpApi.as(port, user, PASSWORD).get("/api/me");
        assertThat(right.statusCode()).isEqualTo(401);
        JsonNode error = HttpApi.json(right).get("errors").get(0);
        assertThat(error.get("zh").asText()).matches("登录失败次数过多，账户已锁定，请于 \\d\\d:\\d\\d 后重试");
        assertThat(error.get("en").asText()).matches("Too many failed logins: account locked until \\d\\d:\\d\\d \\(Beijing time\\)");

        assertThat(events(user)).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "ACCOUNT_LOCKED", "REFUSED_WHILE_LOCKED");
        assertThat(jdbc.queryForObject("SELECT channel FROM security_audit WHERE user_id = ? AND event = 'ACCOUNT_LOCKED'",
                String.class, user)).isEqualTo("GET /engine-rest/task");
        assertThat(jdbc.queryForObject("SELECT remote_address FROM security_audit WHERE user_id = ? AND event = 'ACCOUNT_LOCKED'",
                String.class, user)).isNotBlank();

        Thread.sleep(Duration.parse(IdentityIntegrationTest.LOCK_DURATION).plusMillis(500).toMillis());
        assertThat(HttpApi.as(port, user, PASSWORD).get("/api/me").statusCode()).as("the lock has ended").isEqualTo(200);
        assertThat(HttpApi.as(port, user, "after-the-lock").get("/api/me").body())
                .as("a new count starts after the lock").contains("需要登录");
    }

    @Test
    void theLockIsOneForEveryPathWhereAPasswordIsChecked() {
        String user = person("lock-paths");
        PageSession page = new PageSession(port);
        assertThat(page.signIn(user, "wrong-1").statusCode()).isEqualTo(401);
        assertThat(webappLogin(user, "wrong-2")).isEqualTo(401);
        assertThat(HttpApi.as(port, user, "wrong-3").get("/engine-rest/engine").statusCode()).isEqualTo(401);
        assertThat(HttpApi.as(port, user, "wrong-4").get("/api/units").statusCode()).isEqualTo(401);
        assertThat(HttpApi.as(port, "admin", DemoAccounts.PASSWORD).post("/engine-rest/identity/verify",
                "{\"username\":\"" + user + "\",\"password\":\"wrong-5\"}").body()).contains("\"authenticated\":false");

        HttpResponse<String> signIn = new PageSession(port).signIn(user, PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(signIn.body()).contains("账户已锁定").contains("account locked until");
        assertThat(webappLogin(user, PASSWORD)).as("Camunda's webapp login").isEqualTo(401);
        assertThat(identityService.checkPassword(user, PASSWORD)).isFalse();
        assertThat(events(user)).filteredOn("ACCOUNT_LOCKED"::equals).hasSize(1);
    }

    @Test
    void aCorrectPasswordStartsTheCountAgain() {
        String user = person("lock-reset");
        for (int round = 0; round < 2; round++) {
            for (int failure = 1; failure < MAX_FAILURES; failure++) {
                assertThat(HttpApi.as(port, user, "wrong").get("/api/me").statusCode()).isEqualTo(401);
            }
            assertThat(HttpApi.as(port, user, PASSWORD).get("/api/me").statusCode()).isEqualTo(200);
        }
        assertThat(events(user)).doesNotContain("ACCOUNT_LOCKED");
    }

    @Test
    void userNamesThatDoNotExistAreLockedTheSameWaySoALockTellsNothing() {
        String nobody = "no-such-user-lock";
        for (int failure = 0; failure < MAX_FAILURES; failure++) {
            HttpApi.as(port, nobody, "guess").get("/api/me");
        }
        assertThat(HttpApi.as(port, nobody, "guess").get("/api/me").body()).contains("账户已锁定");
        assertThat(events(nobody)).contains("ACCOUNT_LOCKED", "REFUSED_WHILE_LOCKED");
    }

    @Test
    void anAdministratorsUnlockEndsTheLockAndIsAudited() {
        String user = person("lock-unlock");
        for (int failure = 0; failure < MAX_FAILURES; failure++) {
            HttpApi.as(port, user, "wrong").get("/api/me");
        }
        assertThat(HttpApi.as(port, "admin", DemoAccounts.PASSWORD)
                .post("/engine-rest/user/" + user + "/unlock", "").statusCode()).isEqualTo(204);

        assertThat(HttpApi.as(port, user, PASSWORD).get("/api/me").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT actor FROM security_audit WHERE user_id = ? AND event = 'ACCOUNT_UNLOCKED'",
                String.class, user)).isEqualTo("admin");
    }

    private String person(String userId) {
        TestUsers.person(identityService, userId, "xinjian", PASSWORD);
        return userId;
    }

    private List<String> events(String user) {
        return jdbc.queryForList("SELECT event FROM security_audit WHERE user_id = ? ORDER BY id", String.class, user);
    }

    private int webappLogin(String user, String password) {
        try {
            java.net.CookieManager cookies = new java.net.CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/camunda/api/admin/auth/user/default/login/tasklist"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
