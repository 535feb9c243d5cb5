package cn.huiqi.calendar;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;

/**
 * /api/calendar with the quick start's demo accounts (docs/working-days.md, "Administration"): every signed-in user
 * reads, only camunda-admin changes a day or imports a year's notice, each change audited (calendar_change, the
 * security log) and seen at once by {@link WorkingDays}; bad rows are bilingual 400s per field and change nothing.
 * Days changed here lie in 2100-2102, after every date the other tests of this context use.
 */
@RulesWebTest
class CalendarApiTest {

    static final List<String> NOT_ADMINISTRATORS = List.of("policy-staff", "audit-staff", "gxj-reviewer", "swj-reviewer", "czj-finance",
            "donghu-verifier", "ent-hongdu");

    @LocalServerPort
    int port;
    @Autowired
    WorkingDays workingDays;

    private final ListAppender<ILoggingEvent> securityLog = new ListAppender<>();

    @BeforeEach
    void listenToTheSecurityLog() {
        securityLog.start();
        ((Logger) LoggerFactory.getLogger("huiqi.security")).addAppender(securityLog);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("huiqi.security")).detachAppender(securityLog);
    }

    @Test
    void everySignedInUserReadsOnlyTheAdministratorChangesAnonymousIsAskedToSignIn() {
        for (String user : List.of("admin", "policy-staff", "audit-staff", "gxj-reviewer", "czj-finance", "donghu-verifier", "ent-hongdu")) {
            JsonNode year = expect(200, as(user).get("/api/calendar/2023"));
            assertThat(year.get("noticeLoaded").asBoolean()).isTrue();
            assertThat(year.get("noticeSource").asText()).isEqualTo("国办发明电〔2022〕16号");
            assertThat(year.get("canEdit").asBoolean()).as(user).isEqualTo(user.equals("admin"));
            assertThat(year.get("days")).anySatisfy(d -> {
                assertThat(d.get("date").asText()).isEqualTo("2023-10-07");
                assertThat(d.get("kind").asText()).isEqualTo("work");
                assertThat(d.get("weekday").asText()).isEqualTo("周六");
                assertThat(d.get("occasion").asText()).isEqualTo("国庆节调休");
            });
        }
        expect(200, as("ent-hongdu").get("/api/calendar"));
        assertThat(HttpApi.anonymous(port).get("/api/calendar/2023").statusCode()).isEqualTo(401);

        String day = toJson(Map.of("kind", "rest", "occasion", "元旦", "source", "测试通知"));
        String notice = toJson(Map.of("rows", List.of(row("2101-01-03", "rest", "元旦"))));
        for (String user : NOT_ADMINISTRATORS) {
            assertThat(as(user).put("/api/calendar/days/2101-01-03", day).statusCode()).as(user).isEqualTo(403);
            assertThat(as(user).delete("/api/calendar/days/2023-10-07").statusCode()).as(user).isEqualTo(403);
            assertThat(as(user).post("/api/calendar/2101/notice", notice).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).put("/api/calendar/days/2101-01-03", day).statusCode()).isEqualTo(401);
        assertThat(HttpApi.anonymous(port).delete("/api/calendar/days/2023-10-07").statusCode()).isEqualTo(401);
        assertThat(HttpApi.anonymous(port).post("/api/calendar/2101/notice", notice).statusCode()).isEqualTo(401);
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2023-10-07"))).isTrue();
        assertThat(expect(200, as("admin").get("/api/calendar/2101")).get("days"))
                .noneSatisfy(d -> assertThat(d.get("date").asText()).isEqualTo("2101-01-03"));
    }

    @Test
    void anAdministratorSetsAndRemovesADayAuditedAndCountedAtOnce() {
        LocalDate friday = LocalDate.parse("2100-01-01");
        assertThat(workingDays.isWorkingDay(friday)).isTrue();
        JsonNode set = expect(200, as("admin").put("/api/calendar/days/2100-01-01",
                toJson(Map.of("kind", "rest", "occasion", "元旦", "source", "测试通知（2100）"))));
        assertThat(set.get("weekday").asText()).isEqualTo("周五");
        assertThat(set.get("updatedBy").asText()).isEqualTo("admin");
        assertThat(workingDays.isWorkingDay(friday)).as("reloaded after the commit").isFalse();

        JsonNode year = expect(200, as("audit-staff").get("/api/calendar/2100"));
        assertThat(year.get("changes")).anySatisfy(c -> {
            assertThat(c.get("date").asText()).isEqualTo("2100-01-01");
            assertThat(c.get("oldKind")).isNull();
            assertThat(c.get("newKind").asText()).isEqualTo("rest");
            assertThat(c.get("changedBy").asText()).isEqualTo("admin");
        });
        assertThat(expect(200, as("ent-hongdu").get("/api/calendar/2100")).get("changes")).as("the audit is for administrators and auditors")
                .isEmpty();

        expect(204, as("admin").delete("/api/calendar/days/2100-01-01"));
        assertThat(workingDays.isWorkingDay(friday)).isTrue();
        JsonNode missing = expect(404, as("admin").delete("/api/calendar/days/2100-01-01"));
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("date");
        JsonNode audited = expect(200, as("admin").get("/api/calendar/2100")).get("changes").get(0);
        assertThat(audited.get("oldKind").asText()).isEqualTo("rest");
        assertThat(audited.get("oldOccasion").asText()).isEqualTo("元旦");
        assertThat(audited.get("newKind")).isNull();

        assertThat(securityLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("CALENDAR_DAY_SET user=admin").contains("day=2100-01-01").contains("new=rest"))
                .anySatisfy(line -> assertThat(line).startsWith("CALENDAR_DAY_REMOVED user=admin").contains("day=2100-01-01"));
    }

    @Test
    void badDaysAreBilingual400sPerFieldAndChangeNothing() {
        int before = expect(200, as("admin").get("/api/calendar/2100")).get("days").size();
        assertThat(refused(as("admin").put("/api/calendar/days/2100-13-01", toJson(dayBody("rest", "元旦", "通知"))))).containsEntry("date",
                "日期格式应为 YYYY-MM-DD 且是存在的日期（如 2027-01-01），收到「2100-13-01」");
        assertThat(refused(as("admin").put("/api/calendar/days/2100-1-4", toJson(dayBody("rest", "元旦", "通知"))))).containsKey("date");
        assertThat(refused(as("admin").put("/api/calendar/days/2100-01-04", toJson(dayBody("holiday", " ", ""))))).containsOnlyKeys(
                "kind", "occasion", "source");
        // Monday 2100-01-04 is a working day anyway
        assertThat(refused(as("admin").put("/api/calendar/days/2100-01-04", toJson(dayBody("work", "春节调休", "通知")))).get("kind"))
                .contains("本来就是工作日");
        // Saturday 2100-01-02 is a rest day anyway: only inside a statutory holiday
        assertThat(refused(as("admin").put("/api/calendar/days/2100-01-02", toJson(dayBody("rest", "周末", "通知")))).get("occasion"))
                .contains("本来就是休息日");
        assertThat(refused(as("admin").put("/api/calendar/days/2100-01-04", toJson(dayBody("rest", "春节调休", "通知")))))
                .containsKey("occasion");
        JsonNode error = expect(400, as("admin").put("/api/calendar/days/2100-01-04", toJson(dayBody("work", "春节调休", "通知"))))
                .get("errors").get(0);
        assertThat(error.get("en").asText()).contains("working day anyway");
        assertThat(expect(200, as("admin").get("/api/calendar/2100")).get("days")).hasSize(before);
    }

    @Test
    void aYearsNoticeIsImportedAllOrNothingAndReplacesTheDaysOfThatNotice() {
        assertThat(workingDays.hasNotice(2102)).isFalse();
        JsonNode unloaded = expect(200, as("gxj-reviewer").get("/api/calendar/2102"));
        assertThat(unloaded.get("noticeLoaded").asBoolean()).isFalse();
        assertThat(unloaded.get("warningZh").asText()).isEqualTo("2102年节假日安排尚未录入：暂按周六、周日休息计算，录入国务院办公厅通知后以通知为准");

        List<Map<String, Object>> rows = new ArrayList<>(List.of(row("2101-12-31", "rest", "元旦"), row("2102-01-01", "rest", "元旦"),
                row("2102-01-07", "work", "元旦调休")));
        JsonNode imported = expect(200, as("admin").post("/api/calendar/2102/notice", toJson(Map.of("source", "国办发明电〔2101〕1号", "rows", rows))));
        assertThat(imported.get("added").asInt()).isEqualTo(3);
        assertThat(imported.get("view").get("noticeLoaded").asBoolean()).isTrue();
        assertThat(imported.get("view").get("noticeSource").asText()).isEqualTo("国办发明电〔2101〕1号");
        assertThat(workingDays.hasNotice(2102)).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2101-12-31"))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2102-01-07"))).as("Saturday, 调休上班").isTrue();

        // one bad row among good ones: nothing changes
        List<Map<String, Object>> bad = new ArrayList<>(List.of(row("2102-01-01", "rest", "元旦"), row("2102-02-01", "rest", "春节"),
                row("2102-02-03", "work", "春节调休"), row("2103-01-01", "rest", "元旦"), row("2102-02-01", "rest", "春节")));
        bad.get(1).put("weekday", "周一");
        Map<String, String> problems = refused(as("admin").post("/api/calendar/2102/notice", toJson(Map.of("rows", bad))));
        assertThat(problems).containsOnlyKeys("rows[1].weekday", "rows[2].kind", "rows[3].date", "rows[4].date");
        assertThat(problems.get("rows[1].weekday")).isEqualTo("2102-02-01 是周三，不是周一");
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2102-01-07"))).isTrue();
        assertThat(expect(200, as("admin").get("/api/calendar/2102")).get("days")).hasSize(2);
        assertThat(refused(as("admin").post("/api/calendar/2102/notice", toJson(Map.of("rows", List.of()))))).containsKey("rows");
        assertThat(refused(as("admin").post("/api/calendar/9999/notice", toJson(Map.of("rows", rows))))).containsKey("year");

        // the notice again, corrected: 2102-01-07 is no longer a working day, 2102-01-02 (Monday) is a rest day
        List<Map<String, Object>> corrected = List.of(row("2101-12-31", "rest", "元旦"), row("2102-01-01", "rest", "元旦"),
                row("2102-01-02", "rest", "元旦"));
        JsonNode again = expect(200, as("admin").post("/api/calendar/2102/notice", toJson(Map.of("rows", corrected))));
        assertThat(again.get("added").asInt()).isEqualTo(1);
        assertThat(again.get("removed").asInt()).isEqualTo(1);
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("view").get("noticeSource").asText()).as("the rows' source").isEqualTo("测试通知");
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2102-01-07"))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2102-01-02"))).isFalse();
        assertThat(securityLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("CALENDAR_NOTICE_IMPORTED user=admin").contains("year=2102 added=1"));
    }

    static Map<String, Object> row(String date, String kind, String occasion) {
        Map<String, Object> row = new HashMap<>();
        row.put("date", date);
        row.put("kind", kind);
        row.put("occasion", occasion);
        row.put("source", "测试通知");
        return row;
    }

    private static Map<String, Object> dayBody(String kind, String occasion, String source) {
        return Map.of("kind", kind, "occasion", occasion, "source", source);
    }

    /** field → Chinese message of a 400. */
    private static Map<String, String> refused(java.net.http.HttpResponse<String> response) {
        Map<String, String> problems = new HashMap<>();
        for (JsonNode e : expect(400, response).get("errors")) {
            assertThat(e.get("en").asText()).isNotBlank();
            problems.put(e.get("field").asText(), e.get("zh").asText());
        }
        return problems;
    }

    private HttpApi as(String user) {
        return HttpApi.as(port, user, "demo");
    }
}
