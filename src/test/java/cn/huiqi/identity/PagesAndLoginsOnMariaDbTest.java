package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;
import cn.huiqi.testsupport.SharedMariaDbApp;
import cn.huiqi.testsupport.TestUsers;

/**
 * Profile mysql on the real MariaDB: the OpenAPI document and Swagger UI need a login there, and the
 * login protection (V9's tables) locks and audits on MySQL/MariaDB, also under concurrent guessing.
 */
class PagesAndLoginsOnMariaDbTest extends SharedMariaDbApp {

    private static final String PASSWORD = "It-Secret-2023";

    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApiDocumentAndSwaggerUiNeedALogin() {
        TestUsers.person(identityService, "docs-reader", "gxj", PASSWORD);

        HttpResponse<String> anonymous = HttpApi.anonymous(port).get("/v3/api-docs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("需要登录");
        HttpResponse<String> swagger = new PageSession(port).open("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(302);
        assertThat(swagger.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login.html?next="));

        assertThat(HttpApi.as(port, "docs-reader", PASSWORD).get("/v3/api-docs").statusCode()).isEqualTo(200);
        PageSession browser = new PageSession(port);
        assertThat(browser.signIn("docs-reader", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(browser.open("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentGuessesLockTheAccountOnceAndEveryFailureIsAudited() throws Exception {
        TestUsers.person(identityService, "guessed-on-mariadb", "xihu", PASSWORD);
        List<java.util.concurrent.Callable<Integer>> guesses = java.util.stream.IntStream.range(0, 12)
                .<java.util.concurrent.Callable<Integer>>mapToObj(i ->
                        () -> HttpApi.as(port, "guessed-on-mariadb", "guess-" + i).get("/api/me").statusCode())
                .toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (var answer : pool.invokeAll(guesses)) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }

        HttpResponse<String> right = HttpApi.as(port, "guessed-on-mariadb", PASSWORD).get("/api/me");
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("账户已锁定");
        List<String> events = jdbc.queryForList(
                "SELECT event FROM security_audit WHERE user_id = 'guessed-on-mariadb' ORDER BY id", String.class);
        assertThat(events).filteredOn("ACCOUNT_LOCKED"::equals).hasSize(1);
        assertThat(events).filteredOn("LOGIN_FAILED"::equals).hasSizeGreaterThanOrEqualTo(5);
        assertThat(events.size()).isEqualTo(13 + 1); // 12 guesses (failures or refusals) + the lock + the right one
    }
}
