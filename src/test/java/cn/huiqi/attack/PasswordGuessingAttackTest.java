package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.identity.IdentityIntegrationTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;
import cn.huiqi.testsupport.TestUsers;

/**
 * Password guessing against the built-in identity: a list of guesses with the real password in it, spread
 * over every place a password is checked. After huiqi.login.max-failures wrong guesses the account is
 * locked, so the real password, when its turn comes, is refused too. Every guess is one attempt.
 */
@IdentityIntegrationTest
class PasswordGuessingAttackTest {

    private static final String FAMILY = "password-guessing";
    private static final String PASSWORD = "Guess-Me-2023";
    private static final List<String> GUESSES = List.of("123456", "password", "demo", "Huiqi-2023", "admin123",
            "qwerty", "Nanchang2023", PASSWORD, "Huiqi-Demo-2023", PASSWORD);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    @Test
    void guessingOverTheApisBasicAuthNeverGetsIn() {
        String victim = victim("guess-basic");
        for (String guess : GUESSES) {
            HttpResponse<String> answer = HttpApi.as(port, victim, guess).get("/engine-rest/task");
            assertRefused(answer.statusCode() == 401, "Basic on /engine-rest with guess " + guess);
        }
    }

    @Test
    void guessingOnTheSignInPageNeverGetsIn() {
        String victim = victim("guess-page");
        for (String guess : GUESSES) {
            HttpResponse<String> answer = new PageSession(port).signIn(victim, guess);
            assertRefused(answer.statusCode() == 401, "sign-in page with guess " + guess);
        }
    }

    @Test
    void guessingThroughTheEnginesVerifyEndpointNeverGetsIn() {
        String victim = victim("guess-verify");
        for (String guess : GUESSES) {
            HttpResponse<String> answer = HttpApi.as(port, "admin", "demo").post("/engine-rest/identity/verify",
                    HttpApi.toJson(java.util.Map.of("username", victim, "password", guess)));
            assertRefused(answer.statusCode() == 200 && answer.body().contains("\"authenticated\":false"),
                    "/engine-rest/identity/verify with guess " + guess);
        }
    }

    @Test
    void guessingAcrossPathsSharesOneCount() {
        String victim = victim("guess-mixed");
        for (int i = 0; i < GUESSES.size(); i++) {
            String guess = GUESSES.get(i);
            int status = switch (i % 3) {
                case 0 -> HttpApi.as(port, victim, guess).get("/api/me").statusCode();
                case 1 -> new PageSession(port).signIn(victim, guess).statusCode();
                default -> HttpApi.as(port, victim, guess).get("/engine-rest/engine").statusCode();
            };
            assertRefused(status == 401, "mixed paths with guess " + guess);
        }
    }

    private void assertRefused(boolean refused, String what) {
        AttackLedger.record(FAMILY, refused, what);
        assertThat(refused).as(what).isTrue();
    }

    private String victim(String userId) {
        TestUsers.person(identityService, userId, "honggutan", PASSWORD);
        return userId;
    }
}
