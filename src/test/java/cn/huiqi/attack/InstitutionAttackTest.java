package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestInstitutions;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 8: a financial institution's staff work only through the financing API. Against everything else they get
 * nothing: /engine-rest (403 before the engine is asked), Tasklist and Cockpit (no application access), the cases, the
 * other measures' APIs, the units' and the institutions' administration, the equity requests, the figures; an event
 * they were not invited to is not there for them (404). An institution is never a unit the measure-7 routing or a
 * transfer may name. Default deny per role for the events and equity requests. Every attempt goes to the ledger.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false", "logging.level.org.camunda.bpm.engine.context=OFF",
                "logging.level.org.camunda.bpm.engine.rest.exception=OFF"})
class InstitutionAttackTest {

    private static final String PASSWORD = "Institution-Attack-2023";
    private static final String FAMILY = "M8 institution staff outside the financing API";
    private static final String FAMILY_ROLES = "M8 events / equity default deny";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_institution_attack");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;

    @Test
    void institutionStaffGetNothingOutsideTheFinancingApi() throws Exception {
        TestInstitutions.Created bank = TestInstitutions.freshBank(context, PASSWORD);
        HttpApi staff = HttpApi.as(port, bank.userId(), PASSWORD);

        for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/variable-instance",
                "/engine-rest/history/process-instance", "/engine-rest/process-definition", "/engine-rest/group", "/engine-rest/user")) {
            refused(staff.get(path), 403, "GET " + path);
        }
        refused(staff.post("/engine-rest/process-definition/key/m7-assistance-demand/start", "{}"), 403, "engine start m7");
        refused(staff.post("/engine-rest/message", toJson(Map.of("messageName", "anything"))), 403, "engine message");

        for (String path : List.of("/api/assistance/demands/M7-2026-000001", "/api/assistance/visits", "/api/fund/pools",
                "/api/settlements", "/api/supervision", "/api/evaluations", "/api/units/changes", "/api/financing/institutions",
                "/api/financing/equity-requests", "/api/financing/equity-requests/1", "/api/financing/events/registrable-demands",
                "/api/projects", "/api/enterprises")) {
            HttpResponse<String> answer = staff.get(path);
            boolean refused = answer.statusCode() == 403 || answer.statusCode() == 404
                    || answer.statusCode() == 200 && emptyList(answer.body());
            AttackLedger.record(FAMILY, refused, "GET " + path + " -> " + answer.statusCode() + " " + abbreviated(answer.body()));
            assertThat(refused).as("GET " + path + " -> " + answer.statusCode() + " " + answer.body()).isTrue();
        }
        HttpResponse<String> cases = staff.get("/api/cases");
        boolean noCases = cases.statusCode() == 403 || cases.statusCode() == 200 && !cases.body().contains("caseNumber");
        AttackLedger.record(FAMILY, noCases, "GET /api/cases -> " + cases.statusCode());
        assertThat(noCases).as(cases.body()).isTrue();

        refused(staff.post("/api/units", toJson(Map.of("id", "fi-own", "nameZh", "自建", "nameEn", "Own"))), 403, "add a unit");
        refused(staff.post("/api/financing/institutions", toJson(Map.of("id", "fi-own", "nameZh", "自建", "nameEn", "Own",
                "kind", "BANK", "contactName", "某", "contactPhone", "0791-1234567"))), 403, "add an institution");
        refused(staff.put("/api/financing/institutions/" + bank.unitId(), toJson(Map.of("contactPhone", "0791-7654321"))), 403,
                "change its own institution");
        refused(staff.post("/api/financing/events", toJson(Map.of("title", "自办", "heldOn", "2030-01-01", "place", "某", "theme", "某"))),
                403, "create an event");
        refused(staff.post("/api/financing/equity-requests", toJson(Map.of("amount", "1.00", "purpose", "某"))), 403, "equity request");

        // an event it was not invited to does not exist for it
        TestUsers.person(identityService, "ia-jrb", "jrb", PASSWORD);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode event = HttpApi.expect(201, HttpApi.as(port, "ia-jrb", PASSWORD).post("/api/financing/events", toJson(Map.of(
                "title", "对接会", "heldOn", today, "place", "南昌", "theme", "电子信息"))));
        refused(staff.get("/api/financing/events/" + event.get("id").asLong()), 404, "uninvited event");
        refused(staff.post("/api/financing/events/" + event.get("id").asLong() + "/institutions",
                toJson(Map.of("institution", bank.unitId()))), 403, "invite itself");

        // Tasklist and Cockpit: the login is refused for want of application access
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            HttpResponse<String> login = webappLogin(app, bank.userId());
            boolean refused = login.statusCode() == 401 || login.statusCode() == 403;
            AttackLedger.record(FAMILY, refused, "login " + app + " -> " + login.statusCode());
            assertThat(refused).as(app + ": " + login.statusCode() + " " + login.body()).isTrue();
        }
    }

    @Test
    void eventsAndEquityRequestsAreDefaultDenyPerRole() {
        for (String group : List.of("swj", "czj", "tjj", "rsj", "policy-admin", "donghu")) {
            String user = "ia-" + group;
            TestUsers.person(identityService, user, group, PASSWORD);
            HttpApi api = HttpApi.as(port, user, PASSWORD);
            refused(api.post("/api/financing/events", toJson(Map.of("title", "某", "heldOn", "2030-01-01", "place", "某", "theme", "某"))),
                    403, group + " creates an event", FAMILY_ROLES);
            refused(api.post("/api/financing/equity-requests/1/steps", toJson(Map.of("status", "DUE_DILIGENCE"))), 403,
                    group + " screens an equity request", FAMILY_ROLES);
            refused(api.post("/api/financing/institutions", toJson(Map.of("id", "fi-" + group, "nameZh", "某", "nameEn", "X",
                    "kind", "BANK", "contactName", "某", "contactPhone", "0791-1234567"))), 403, group + " adds an institution", FAMILY_ROLES);
            if (!group.equals("donghu")) {
                refused(api.get("/api/financing/events"), 403, group + " reads the events", FAMILY_ROLES);
                refused(api.get("/api/financing/equity-requests"), 403, group + " reads equity requests", FAMILY_ROLES);
            }
        }
        HttpResponse<String> anonymous = HttpApi.anonymous(port).get("/api/financing/guide-funds");
        refused(anonymous, 401, "anonymous reads the guide funds", FAMILY_ROLES);
    }

    private static void refused(HttpResponse<String> answer, int expected, String what) {
        refused(answer, expected, what, FAMILY);
    }

    private static void refused(HttpResponse<String> answer, int expected, String what, String family) {
        AttackLedger.record(family, answer.statusCode() == expected, what + " -> " + answer.statusCode() + " " + abbreviated(answer.body()));
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(expected);
    }

    private static boolean emptyList(String body) {
        String text = body.strip();
        return text.equals("[]") || text.matches("\\{.*\"(items|content)\":\\[\\].*\\}");
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
    }

    private HttpResponse<String> webappLogin(String app, String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .ifPresent(token -> login.header("X-XSRF-TOKEN", token));
        return browser.send(login.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
