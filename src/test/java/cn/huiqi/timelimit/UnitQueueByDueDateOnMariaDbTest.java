package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 15 item 2 on MariaDB: the unit's queue (Tasklist filter 本单位待办, sorted by due date ascending) lists the task
 * due soonest first, asked as Tasklist asks (its own sorting, 创建时间 descending, comes after the filter's). MariaDB
 * puts NULL first in an ascending sort and Camunda 7.24 has no "nulls last", so the queue must hold no task without a
 * due date: every unit's step of measures 1-3 has a limit (TimeLimitSetup refuses to start otherwise), and the queue
 * is asked for tasks without one.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class UnitQueueByDueDateOnMariaDbTest {

    private static final String PASSWORD = "Due-Queue-2023";
    private static final String UNIT_QUEUE = "本单位待办 / My unit's tasks";
    /** Tasklist's default list request: its sorting, 15 a page (camunda-tasklist-bootstrap.js, "taskListQuery"). */
    private static final String TASKLIST_REQUEST = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): the unit's whole queue is asserted
        MariaDbTestDatabase.register(registry, "huiqi_unit_queue_due");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void theUnitsQueueListsTheTaskDueSoonestFirstAndHoldsNoTaskWithoutADueDate() {
        TestUsers.person(identityService, "due-donghu", "donghu", PASSWORD);
        // applied on Monday, Wednesday and Tuesday: locality verification due 5 working days later each
        String monday = apply("2023-09-04T10:00");
        String wednesday = apply("2023-09-06T10:00");
        String tuesday = apply("2023-09-05T10:00");
        ClockUtil.reset();

        HttpApi member = HttpApi.as(port, "due-donghu", PASSWORD);
        String queue = filterService.createFilterQuery().filterName(UNIT_QUEUE).singleResult().getId();
        JsonNode page = HttpApi.expect(200, member.post("/engine-rest/filter/" + queue + "/list?firstResult=0&maxResults=15",
                TASKLIST_REQUEST));

        List<String> cases = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        page.forEach(task -> {
            cases.add(taskService.createTaskQuery().taskId(task.get("id").asText()).singleResult().getName().split(" · ")[1]);
            dues.add(task.get("due").isNull() ? null : task.get("due").asText());
        });
        assertThat(cases).as("due soonest first, although Tasklist asks for the newest first").containsExactly(monday, tuesday, wednesday);
        assertThat(dues).as("the end of the 5th working day, Asia/Shanghai").containsExactly(
                endOf("2023-09-11"), endOf("2023-09-12"), endOf("2023-09-13"));

        JsonNode undated = HttpApi.expect(200, member.post("/engine-rest/filter/" + queue + "/count", "{\"withoutDueDate\":true}"));
        assertThat(undated.get("count").asLong()).as("tasks without a due date in the unit's queue").isZero();
    }

    /** An application of measure 1 by a fresh enterprise of 东湖区 at this time (engine clock); its case number. */
    private String apply(String at) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(at).atZone(WorkingDays.CHINA).toInstant()));
        String applicant = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-DUE-" + at.substring(8, 10));
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "60000000.00");
        order.put("executionEvidence", "发货单 FH-2023-0" + at.substring(8, 10));
        return TestUsers.as(identityService, applicant, () -> runtimeService
                .startProcessInstanceByKey("m1-order-reward", Map.of("orders", List.of(order))).getBusinessKey());
    }

    /** The engine REST API's date format for the end of this day in Asia/Shanghai, as the server's zone writes it. */
    private static String endOf(String lastDay) {
        ZonedDateTime end = java.time.LocalDate.parse(lastDay).plusDays(1).atStartOfDay(WorkingDays.CHINA);
        return end.withZoneSameInstant(java.time.ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    }
}
