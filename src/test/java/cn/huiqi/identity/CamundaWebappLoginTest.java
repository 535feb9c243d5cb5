package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps keep their own login (session + their own CSRF token) against the same identity
 * store; Spring Security must let it through untouched.
 */
@IdentityIntegrationTest
class CamundaWebappLoginTest {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void aUnitVerifierLogsIntoTasklist() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);

        HttpResponse<String> login = send(loginRequest("donghu-verifier", DemoAccounts.PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"donghu-verifier\"").contains("tasklist");

        HttpResponse<String> tasks = send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/task?maxResults=5"))
                .header("Accept", "application/json").GET());
        assertThat(tasks.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedByTheWebapp() throws Exception {
        send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET());

        // a user no other test logs in with: failed logins lock the account for a few seconds
        HttpResponse<String> login = send(loginRequest("zxqyj-reviewer", "wrong"));
        assertThat(login.statusCode()).isEqualTo(401);
    }

    private HttpRequest.Builder loginRequest(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return request;
    }

    private java.util.Optional<String> xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
