package cn.huiqi.identity;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser over HTTP: cookies for the app and Keycloak, redirects followed one by one (so the test sees
 * where it went), Keycloak's login form filled in and posted.
 */
public final class KeycloakBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String appBase;

    public KeycloakBrowser(int port) {
        this.appBase = "http://localhost:" + port;
    }

    /** Opens a page of the app; follows redirects; answers the last response (a page or Keycloak's login form). */
    public HttpResponse<String> open(String path) {
        return follow(send(HttpRequest.newBuilder(URI.create(appBase + path)).header("Accept", "text/html").GET()));
    }

    /** Opens any URL (e.g. another realm's page); follows redirects. */
    public HttpResponse<String> openUrl(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET()));
    }

    /** Opens a page that needs login and logs in on Keycloak's form; answers the page it ends on. */
    public HttpResponse<String> login(String path, String user, String password) {
        HttpResponse<String> loginPage = open(path);
        return submitLogin(loginPage, user, password);
    }

    public HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String user, String password) {
        if (!isKeycloakLoginForm(loginPage)) {
            throw new AssertionError("not Keycloak's login form: " + loginPage.uri() + " " + loginPage.statusCode());
        }
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new AssertionError("no login form action in " + loginPage.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("credentialId", "");
        return follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakTestRealm.form(form)))));
    }

    public static boolean isKeycloakLoginForm(HttpResponse<String> response) {
        return response.statusCode() == 200 && response.uri().toString().startsWith(KeycloakTestRealm.SERVER + "/realms/")
                && FORM_ACTION.matcher(response.body()).find();
    }

    /** An XHR of the app (JSON), with Camunda's CSRF header when its cookie is there. */
    public HttpResponse<String> xhr(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appBase + path)).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    /** A request with this browser's cookies and exactly the given headers (no CSRF header unless given). */
    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appBase + path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return send(request);
    }

    /** Spring Security's POST /logout with the CSRF token of its logout page. */
    public HttpResponse<String> logOutOfThePages() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(appBase + "/logout")).header("Accept", "text/html").GET());
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on the logout page: " + page.body());
        }
        return follow(send(HttpRequest.newBuilder(URI.create(appBase + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1)))));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /**
     * Keycloak marks its cookies Secure even on http; browsers send them to http://localhost and
     * http://127.0.0.1 anyway (loopback counts as a secure context), Java's CookieManager does not.
     */
    private static final class LoopbackIsSecure extends CookieHandler {

        private final CookieManager delegate;

        LoopbackIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (loopback && "http".equals(uri.getScheme())) {
                try {
                    uri = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            return delegate.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            delegate.put(uri, headers);
        }
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
        }
        return response;
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
}
