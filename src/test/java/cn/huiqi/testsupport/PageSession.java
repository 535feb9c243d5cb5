package cn.huiqi.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A browser without JavaScript against the running test server: keeps cookies, sends the headers a
 * browser's fetch sends (Sec-Fetch-Mode), signs in on the sign-in page the way login.js does
 * (POST /login with the CSRF cookie's token as header). Does not follow redirects.
 */
public final class PageSession {

    public static final String CSRF_COOKIE = "HUIQI-XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-HUIQI-XSRF-TOKEN";

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public PageSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the sign-in page (which sets the CSRF cookie) and posts the account; answers /login's response. */
    public HttpResponse<String> signIn(String user, String password) {
        open("/login.html");
        return postForm("/login", "username=" + urlEncode(user) + "&password=" + urlEncode(password), true);
    }

    /** A page opened in the address bar. */
    public HttpResponse<String> open(String path) {
        return send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none").GET());
    }

    /** A page's fetch of JSON. */
    public HttpResponse<String> fetch(String path) {
        return send(fetchRequest(path).GET());
    }

    /** A page's fetch that changes something, with or without the CSRF header. */
    public HttpResponse<String> fetchPost(String path, String json, boolean withCsrfToken) {
        HttpRequest.Builder request = fetchRequest(path).header("Content-Type", "application/json")
                .header("Origin", baseUrl).POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            csrfToken().ifPresent(token -> request.header(CSRF_HEADER, token));
        }
        return send(request);
    }

    /** A page's fetch with any method (PUT, DELETE …), with or without the CSRF header. */
    public HttpResponse<String> fetch(String method, String path, String json, boolean withCsrfToken) {
        HttpRequest.Builder request = fetchRequest(path).header("Content-Type", "application/json").header("Origin", baseUrl)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            csrfToken().ifPresent(token -> request.header(CSRF_HEADER, token));
        }
        return send(request);
    }

    public HttpResponse<String> postForm(String path, String form, boolean withCsrfToken) {
        HttpRequest.Builder request = fetchRequest(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", baseUrl).POST(HttpRequest.BodyPublishers.ofString(form));
        if (withCsrfToken) {
            csrfToken().ifPresent(token -> request.header(CSRF_HEADER, token));
        }
        return send(request);
    }

    public Optional<String> csrfToken() {
        return cookie(CSRF_COOKIE);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    private HttpRequest.Builder fetchRequest(String path) {
        return HttpRequest.newBuilder(url(path)).header("Accept", "application/json")
                .header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "same-origin")
                .header("X-Requested-With", "XMLHttpRequest");
    }

    private URI url(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
