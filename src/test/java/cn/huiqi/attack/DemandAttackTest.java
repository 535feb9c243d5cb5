package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SharedMariaDbApp;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 7 (issue 17) intake and access on MariaDB, over HTTP, per role: who raises a demand, who starts its process
 * (nobody: the app), who reads it (the enterprise, the accepting locality, units it was assigned to, gxj, auditors; not
 * another enterprise, another locality or an unrelated unit), who writes notes, visits, the 12345 import (whole file
 * refused on any bad cell, a second import creates nothing), 无事不扰 and the visit plan. Each attempt goes to the ledger.
 */
class DemandAttackTest extends SharedMariaDbApp {

    private static final String PASSWORD = "Demand-Attack-2023";
    private static final String FAMILY_READ = "M7 demand read";
    private static final String FAMILY_WRITE = "M7 demand write";
    private static final String FAMILY_START = "M7 process start";
    private static final String FAMILY_INTAKE = "M7 intake input";

    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    String enterpriseA;
    String enterpriseB;

    @BeforeEach
    void people() {
        enterpriseA = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        enterpriseB = TestEnterprises.freshUser(context, "qingshanhu", PASSWORD);
        TestUsers.person(identityService, "m7-donghu", "donghu", PASSWORD);
        TestUsers.person(identityService, "m7-xihu", "xihu", PASSWORD);
        TestUsers.person(identityService, "m7-gxj", "gxj", PASSWORD);
        TestUsers.person(identityService, "m7-swj", "swj", PASSWORD);
        TestUsers.person(identityService, "m7-czj", "czj", PASSWORD);
        TestUsers.person(identityService, "m7-auditor", "auditor", PASSWORD);
        TestUsers.person(identityService, "m7-admin", "camunda-admin", PASSWORD);
    }

    HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    long enterpriseOf(String user) {
        return jdbc.queryForObject("SELECT enterprise_id FROM enterprise_user WHERE user_id = ?", Long.class, user);
    }

    String raise(String user, String key) {
        return expect(201, api(user).post("/api/assistance/demands", "{\"category\":\"RECRUITMENT\",\"title\":\"急需招聘焊工\","
                + "\"description\":\"扩产后缺少熟练焊工二十名。\"}", "Idempotency-Key", key)).get("caseNumber").asText();
    }

    @Test
    void anEnterpriseRaisesADemandAndOnlyTheRightPeopleReadAndWriteIt() {
        String key = UUID.randomUUID().toString();
        String caseNumber = raise(enterpriseA, key);
        JsonNode again = expect(200, api(enterpriseA).post("/api/assistance/demands", "{\"category\":\"RECRUITMENT\",\"title\":\"急需招聘焊工\","
                + "\"description\":\"扩产后缺少熟练焊工二十名。\"}", "Idempotency-Key", key));
        assertThat(again.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(again.get("statusZh").asText()).isEqualTo("待受理");

        // bad input: bilingual 400, nothing opened
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM assistance_demand", Integer.class);
        for (String body : List.of("{\"category\":\"NOPE\",\"title\":\"t\",\"description\":\"d\"}",
                "{\"category\":\"UTILITIES\",\"title\":\"t\",\"description\":\"d\"}",
                "{\"category\":\"RECRUITMENT\",\"utility\":\"GAS\",\"title\":\"t\",\"description\":\"d\"}",
                "{\"category\":\"RECRUITMENT\",\"title\":\"\",\"description\":\"d\"}",
                "{\"category\":\"RECRUITMENT\",\"title\":{\"a\":1},\"description\":\"d\"}",
                "{\"category\":\"RECRUITMENT\",\"title\":\"" + "长".repeat(101) + "\",\"description\":\"d\"}",
                "{\"category\":\"RECRUITMENT\",\"title\":\"t\",\"description\":\"d\",\"responsibleUnit\":\"swj\"}",
                "{\"category\":\"RECRUITMENT\",\"title\":\"t\",\"description\":\"d\",\"enterpriseId\":" + enterpriseOf(enterpriseB) + "}")) {
            HttpResponse<String> response = api(enterpriseA).post("/api/assistance/demands", body, "Idempotency-Key", UUID.randomUUID().toString());
            AttackLedger.record(FAMILY_INTAKE, response.statusCode() == 400, body + " → " + response.statusCode());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        HttpResponse<String> staff = api("m7-donghu").post("/api/assistance/demands", "{\"category\":\"RECRUITMENT\",\"title\":\"t\",\"description\":\"d\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        AttackLedger.record(FAMILY_INTAKE, staff.statusCode() == 400, "a locality raising a demand as applicant");
        assertThat(staff.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assistance_demand", Integer.class)).isEqualTo(before);

        // nobody starts the process by hand: not the enterprise, not an administrator (the app does, once per case)
        for (String user : List.of(enterpriseA, "m7-donghu", "m7-admin")) {
            HttpResponse<String> start = api(user).post("/engine-rest/process-definition/key/m7-assistance-demand/start",
                    "{\"businessKey\":\"" + caseNumber + "\"}");
            // 404 for a user who may not even read the definition (the enterprise), 403 for everybody else
            AttackLedger.record(FAMILY_START, start.statusCode() == 403 || start.statusCode() == 404,
                    user + " started m7-assistance-demand: " + start.statusCode());
            assertThat(start.statusCode()).as(user).isIn(403, 404);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

        // who reads it: before any assignment, then with swj assigned
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(enterpriseA, 200);
        expected.put(enterpriseB, 403);
        expected.put("m7-donghu", 200);
        expected.put("m7-xihu", 403);
        expected.put("m7-gxj", 200);
        expected.put("m7-swj", 403);
        expected.put("m7-czj", 403);
        expected.put("m7-auditor", 200);
        expected.put("m7-admin", 200);
        reads(caseNumber, expected);
        long caseId = jdbc.queryForObject("SELECT id FROM case_record WHERE case_number = ?", Long.class, caseNumber);
        jdbc.update("INSERT INTO assistance_assignment (case_id, unit_id, assigned_at) VALUES (?, 'swj', NOW(6))", caseId);
        expected.put("m7-swj", 200);
        reads(caseNumber, expected);
        assertThat(listed("m7-swj", caseNumber)).isTrue();
        assertThat(listed("m7-czj", caseNumber)).isFalse();
        assertThat(listed("m7-gxj", caseNumber)).isTrue();
        assertThat(listed(enterpriseB, caseNumber)).isFalse();
        JsonNode detail = api(enterpriseA).getJson("/api/assistance/demands/" + caseNumber);
        assertThat(detail.at("/demand/categoryZh").asText()).isEqualTo("用工招工");
        assertThat(detail.at("/assignments/0/unit").asText()).isEqualTo("swj");

        // who writes on it: the enterprise adds, the unit it is assigned to notes; nobody else
        expect(201, api(enterpriseA).post("/api/assistance/demands/" + caseNumber + "/notes", "{\"text\":\"补充：需持证焊工。\"}"));
        expect(201, api("m7-swj").post("/api/assistance/demands/" + caseNumber + "/notes", "{\"text\":\"已联系人力资源市场。\"}"));
        for (String user : List.of(enterpriseB, "m7-xihu", "m7-donghu", "m7-gxj", "m7-czj", "m7-auditor")) {
            HttpResponse<String> note = api(user).post("/api/assistance/demands/" + caseNumber + "/notes", "{\"text\":\"x\"}");
            AttackLedger.record(FAMILY_WRITE, note.statusCode() == 403, user + " wrote on " + caseNumber + ": " + note.statusCode());
            assertThat(note.statusCode()).as(user).isEqualTo(403);
        }
        assertThat(api(enterpriseA).post("/api/assistance/demands/M7-2023-999999/notes", "{\"text\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(api(enterpriseA).post("/api/assistance/demands/" + caseNumber + "/notes", "{\"text\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForList("SELECT action FROM case_event WHERE case_id = ? ORDER BY id", String.class, caseId))
                .containsExactly("SUBMITTED", "DEMAND_ADDITION", "DEMAND_NOTE");
    }

    @Test
    void visitsHotlineImportsNoVisitAndThePlan() throws IOException {
        long a = enterpriseOf(enterpriseA);
        long b = enterpriseOf(enterpriseB);
        String visit = "{\"enterpriseId\":" + a + ",\"visitedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"visitors\":\"张三、李四\","
                + "\"findings\":\"生产正常，反映两个问题。\",\"problems\":[{\"category\":\"UTILITIES\",\"utility\":\"ELECTRICITY\",\"title\":\"扩容用电\","
                + "\"description\":\"新产线需增容。\"},{\"category\":\"融资信贷\",\"title\":\"流动资金\",\"description\":\"需要流动资金贷款。\"}]}";
        JsonNode recorded = expect(201, api("m7-donghu").post("/api/assistance/visits", visit));
        assertThat(recorded.get("demands")).hasSize(2);
        String found = recorded.get("demands").get(0).asText();
        assertThat(api(enterpriseA).get("/api/cases/" + found).statusCode()).isEqualTo(200);
        assertThat(api(enterpriseA).getJson("/api/assistance/demands/" + found).at("/demand/origin").asText()).isEqualTo("VISIT");
        // another locality's enterprise, another locality, an enterprise, a future date: refused
        for (Map.Entry<String, String> attempt : Map.of(
                "m7-donghu", visit.replace("\"enterpriseId\":" + a, "\"enterpriseId\":" + b),
                "m7-xihu", visit,
                enterpriseA, visit,
                "m7-swj", visit,
                "m7-gxj", visit.replace(LocalDate.now().minusDays(1).toString(), LocalDate.now().plusDays(2).toString())).entrySet()) {
            HttpResponse<String> response = api(attempt.getKey()).post("/api/assistance/visits", attempt.getValue());
            AttackLedger.record(FAMILY_WRITE, response.statusCode() == 400 || response.statusCode() == 403,
                    attempt.getKey() + " recorded a visit: " + response.statusCode());
            assertThat(response.statusCode()).as(attempt.getKey()).isIn(400, 403);
        }
        assertThat(api("m7-donghu").getJson("/api/assistance/visits")).hasSize(1);
        assertThat(api("m7-xihu").getJson("/api/assistance/visits")).isEmpty();
        assertThat(api(enterpriseA).get("/api/assistance/visits").statusCode()).isEqualTo(403);

        // 12345: a bad cell refuses the whole file; the same file twice creates nothing the second time
        String usccA = jdbc.queryForObject("SELECT uscc FROM enterprise WHERE id = ?", String.class, a);
        String ticket = "T" + System.nanoTime();
        byte[] bad = sheet(List.of(ticket + "-1", "2023-09-15 09:30", usccA, "用工招工", "招聘", "缺焊工"),
                List.of(ticket + "-2", "昨天", usccA, "不知道", "", "内容"));
        HttpResponse<String> refused = Multipart.file("tickets.xlsx", bad).post(port, "/api/assistance/hotline-imports", "m7-gxj", PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("第3行第B列").contains("Row 3, column D").contains("第3行第E列");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assistance_demand WHERE hotline_ticket LIKE ?", Integer.class, ticket + "%")).isZero();
        byte[] good = sheet(List.of(ticket + "-1", "2023-09-15 09:30", usccA, "用工招工", "招聘", "缺焊工"),
                List.of(ticket + "-2", "2023-09-16", usccA, "LAND", "用地", "用地指标"));
        JsonNode first = expect(200, Multipart.file("tickets.xlsx", good).post(port, "/api/assistance/hotline-imports", "m7-gxj", PASSWORD));
        assertThat(first.get("created").asInt()).isEqualTo(2);
        JsonNode second = expect(200, Multipart.file("tickets.xlsx", good).post(port, "/api/assistance/hotline-imports", "m7-donghu", PASSWORD));
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("alreadyImported")).hasSize(2);
        for (String user : List.of(enterpriseA, "m7-swj", "m7-auditor")) {
            HttpResponse<String> response = Multipart.file("tickets.xlsx", good).post(port, "/api/assistance/hotline-imports", user, PASSWORD);
            AttackLedger.record(FAMILY_WRITE, response.statusCode() == 403, user + " imported tickets: " + response.statusCode());
            assertThat(response.statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> otherLocality = Multipart.file("tickets.xlsx", sheet(List.of(ticket + "-3", "2023-09-16", usccA, "LAND", "用地", "x")))
                .post(port, "/api/assistance/hotline-imports", "m7-xihu", PASSWORD);
        AttackLedger.record(FAMILY_WRITE, otherLocality.statusCode() == 400, "xihu imported a donghu enterprise's ticket");
        assertThat(otherLocality.statusCode()).isEqualTo(400);
        assertThat(api("m7-gxj").getBytes("/api/assistance/hotline-imports/template").statusCode()).isEqualTo(200);

        // 无事不扰: the enterprise switches it; the plan skips it and says so
        assertThat(api("m7-donghu").put("/api/assistance/no-visit", "{\"on\":true,\"enterpriseId\":" + a + "}").statusCode()).isEqualTo(400);
        assertThat(api(enterpriseB).put("/api/assistance/no-visit", "{\"on\":true,\"enterpriseId\":" + a + "}").statusCode()).isEqualTo(400);
        assertThat(expect(200, api(enterpriseA).put("/api/assistance/no-visit", "{\"on\":true}")).get("on").asBoolean()).isTrue();
        JsonNode plan = api("m7-donghu").getJson("/api/assistance/visit-plan?unit=donghu");
        assertThat(plan.get("skipped").findValuesAsText("enterpriseId")).contains(Long.toString(a));
        assertThat(plan.get("skipped").get(0).get("reasonZh").asText()).isEqualTo("企业已申请无事不扰");
        assertThat(plan.get("toVisit").findValuesAsText("enterpriseId")).doesNotContain(Long.toString(a));
        assertThat(api("m7-xihu").get("/api/assistance/visit-plan?unit=donghu").statusCode()).isEqualTo(403);
        assertThat(api(enterpriseA).get("/api/assistance/visit-plan?unit=donghu").statusCode()).isEqualTo(403);
        assertThat(expect(200, api(enterpriseA).put("/api/assistance/no-visit", "{\"on\":false}")).get("on").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assistance_no_visit_log WHERE enterprise_id = ?", Integer.class, a)).isEqualTo(2);
    }

    private void reads(String caseNumber, Map<String, Integer> expected) {
        expected.forEach((user, status) -> {
            for (String path : List.of("/api/cases/" + caseNumber, "/api/assistance/demands/" + caseNumber)) {
                int got = api(user).get(path).statusCode();
                if (status == 403) {
                    AttackLedger.record(FAMILY_READ, got == 403, user + " read " + path + ": " + got);
                }
                assertThat(got).as(user + " " + path).isEqualTo(status);
            }
        });
    }

    private boolean listed(String user, String caseNumber) {
        JsonNode page = api(user).getJson("/api/cases?measure=M7&size=100");
        return page.toString().contains("\"" + caseNumber + "\"");
    }

    @SafeVarargs
    private static byte[] sheet(List<String>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("12345工单");
            List<String> headers = List.of("工单编号", "受理时间", "企业统一社会信用代码", "诉求类别", "标题", "诉求内容");
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].size(); c++) {
                    row.createCell(c).setCellValue(rows[r].get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
