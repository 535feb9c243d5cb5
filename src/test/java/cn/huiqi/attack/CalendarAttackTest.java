package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;

/**
 * The working-day calendar under attack: every role but camunda-admin changing days (a wrong calendar moves every
 * time limit), the administrator's session without the CSRF token, and malformed rows — impossible dates, unknown
 * kinds, control characters (forged log lines), oversized notices, a bad row hidden in a good import — each refused
 * with nothing changed. Days aimed at are in 2104.
 */
@RulesWebTest
class CalendarAttackTest {

    static final List<String> OTHER_ROLES = List.of("policy-staff", "audit-staff", "gxj-reviewer", "swj-reviewer", "czj-finance",
            "jrb-reviewer", "donghu-verifier", "xiaolan-verifier", "ent-hongdu", "ent-anyi");

    @LocalServerPort
    int port;

    @Test
    void noOtherRoleAndNoSessionWithoutTheTokenChangesADay() {
        String day = toJson(Map.of("kind", "rest", "occasion", "元旦", "source", "伪造通知"));
        String notice = toJson(Map.of("rows", List.of(Map.of("date", "2104-01-01", "kind", "rest", "occasion", "元旦", "source", "伪造通知"))));
        for (String user : OTHER_ROLES) {
            HttpApi caller = HttpApi.as(port, user, "demo");
            for (HttpResponse<String> answer : List.of(caller.put("/api/calendar/days/2104-01-01", day),
                    caller.delete("/api/calendar/days/2023-10-07"), caller.post("/api/calendar/2104/notice", notice))) {
                boolean refused = answer.statusCode() == 403;
                AttackLedger.record("calendar-other-role", refused, user + " " + answer.request().method() + " " + answer.request().uri()
                        + ": " + answer.statusCode());
                assertThat(answer.statusCode()).as(user + " " + answer.request().uri()).isEqualTo(403);
            }
        }
        PageSession admin = new PageSession(port);
        admin.signIn("admin", "demo");
        for (HttpResponse<String> answer : List.of(admin.fetch("PUT", "/api/calendar/days/2104-01-01", day, false),
                admin.fetch("DELETE", "/api/calendar/days/2023-10-07", null, false),
                admin.fetch("POST", "/api/calendar/2104/notice", notice, false))) {
            AttackLedger.record("session-csrf", answer.statusCode() == 403, answer.request().method() + " " + answer.request().uri()
                    + " with the administrator's session, no token: " + answer.statusCode());
            assertThat(answer.statusCode()).isEqualTo(403);
        }
        assertUnchanged();
        // the control: the same session with its token may
        assertThat(admin.fetch("PUT", "/api/calendar/days/2104-02-01", toJson(Map.of("kind", "rest", "occasion", "春节", "source", "通知")),
                true).statusCode()).isEqualTo(200);
        assertThat(admin.fetch("DELETE", "/api/calendar/days/2104-02-01", null, true).statusCode()).isEqualTo(204);
    }

    @Test
    void malformedDaysAndNoticesAreRefusedAndChangeNothing() {
        HttpApi admin = HttpApi.as(port, "admin", "demo");
        // an encoded slash never reaches the app: the servlet container refuses it (plain 400)
        HttpResponse<String> slash = admin.put("/api/calendar/days/2104%2F01%2F01", toJson(Map.of("kind", "rest", "occasion", "元旦", "source", "通知")));
        AttackLedger.record("calendar-bad-row", slash.statusCode() == 400, "date 2104/01/01: " + slash.statusCode());
        assertThat(slash.statusCode()).isEqualTo(400);
        List<String> dates = List.of("2104-02-30", "２１０４-01-01", "2104-01-01T00:00", "20104-01-01", "-2104-01-01",
                "2104-1-1", " ", "0000-00-00");
        for (String date : dates) {
            attempt("calendar-bad-row", admin.put("/api/calendar/days/" + java.net.URLEncoder.encode(date, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                    toJson(Map.of("kind", "rest", "occasion", "元旦", "source", "通知"))), "date " + date);
        }
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(body("REST", "元旦", "通知"));
        bodies.add(body("holiday", "元旦", "通知"));
        bodies.add(body(null, "元旦", "通知"));
        bodies.add(body("rest' OR '1'='1", "元旦", "通知"));
        bodies.add(body("rest", "元旦\nCALENDAR_DAY_SET user=policy-staff", "通知"));
        bodies.add(body("rest", "元旦\u0000", "通知"));
        bodies.add(body("rest", "元".repeat(51), "通知"));
        bodies.add(body("rest", "元旦", "通".repeat(101)));
        bodies.add(body("rest", " ", "通知"));
        bodies.add(body("rest", "元旦", null));
        bodies.add(body("work", "春节调休", "通知")); // 2104-01-01 is a Tuesday: a working day anyway
        for (Map<String, Object> b : bodies) {
            attempt("calendar-bad-row", admin.put("/api/calendar/days/2104-01-01", toJson(b)), b.toString());
        }
        // Saturday 2104-01-05 is a rest day anyway: only inside a statutory holiday
        attempt("calendar-bad-row", admin.put("/api/calendar/days/2104-01-05", toJson(body("rest", "周末", "通知"))), "weekend without a holiday");
        attempt("calendar-bad-row", admin.put("/api/calendar/days/2104-01-01", "[1, 2]"), "not an object");
        attempt("calendar-bad-row", admin.put("/api/calendar/days/2104-01-01", "{\"kind\": "), "truncated JSON");

        // a notice: one bad row among good ones, too many rows, the wrong year, no rows, an absurd year
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("2104-01-01", "rest", "元旦"));
        rows.add(row("2104-02-14", "rest", "春节"));
        rows.add(row("2104-02-16", "work", "春节调休")); // a Saturday: fine
        rows.add(row("2104-02-18", "work", "春节调休")); // a Monday: refused
        attempt("calendar-bad-notice", admin.post("/api/calendar/2104/notice", toJson(Map.of("rows", rows))), "one bad row of four");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(row("2104-01-01", "rest", "元旦"));
        }
        attempt("calendar-bad-notice", admin.post("/api/calendar/2104/notice", toJson(Map.of("rows", many))), "201 rows");
        attempt("calendar-bad-notice", admin.post("/api/calendar/2105/notice", toJson(Map.of("rows", rows.subList(0, 2)))), "rows of another year");
        attempt("calendar-bad-notice", admin.post("/api/calendar/2104/notice", toJson(Map.of("rows", List.of()))), "no rows");
        attempt("calendar-bad-notice", admin.post("/api/calendar/2104/notice", "{\"rows\": [null]}"), "a null row");
        for (String year : List.of("-1", "99999999999", "2104.5", "abc", "0")) {
            attempt("calendar-bad-notice", admin.post("/api/calendar/" + year + "/notice", toJson(Map.of("rows", rows.subList(0, 1)))), "year " + year);
        }
        assertUnchanged();
    }

    private void attempt(String family, HttpResponse<String> answer, String what) {
        boolean refused = answer.statusCode() == 400 && answer.body().contains("\"zh\"") && answer.body().contains("\"en\"");
        AttackLedger.record(family, refused, what + ": " + answer.statusCode() + " " + answer.body());
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(400);
    }

    private void assertUnchanged() {
        HttpApi admin = HttpApi.as(port, "admin", "demo");
        assertThat(HttpApi.expect(200, admin.get("/api/calendar/2104")).get("days")).isEmpty();
        assertThat(HttpApi.expect(200, admin.get("/api/calendar/2104")).get("noticeLoaded").asBoolean()).isFalse();
        assertThat(HttpApi.expect(200, admin.get("/api/calendar/2023")).get("days"))
                .anySatisfy(d -> assertThat(d.get("date").asText()).isEqualTo("2023-10-07"));
    }

    private static Map<String, Object> body(String kind, String occasion, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("occasion", occasion);
        body.put("source", source);
        return body;
    }

    private static Map<String, Object> row(String date, String kind, String occasion) {
        Map<String, Object> row = body(kind, occasion, "通知");
        row.put("date", date);
        return row;
    }
}
