package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 14 item 4, 撤回: only the applying enterprise withdraws, only before the locality starts verifying (task
 * claimed, a decision saved, or decided before), with a reason of at most 500 characters. Every refusal is a
 * bilingual 4xx that leaves the case where it was; the one accepted withdrawal ends the process, tells the locality
 * and frees the enterprise (and its contract numbers) to apply for measure 1 again.
 */
class WithdrawalAttackTest extends CaseAttackBase {

    private static final String FAMILY = "withdrawal";
    private static final String REASON = "{\"reason\":\"订单金额填写有误，更正后重新申请\"}";

    @Test
    void nobodyButTheApplyingEnterpriseWithdraws() {
        String caseNumber = newCase();
        List<String> others = new ArrayList<>(roles(applicantOf(caseNumber)));
        others.remove(applicantOf(caseNumber));
        others.add(ADMIN);
        for (String other : others) {
            refused(other + " withdraws another's case", 403, http(other).json("POST", withdrawal(caseNumber), REASON));
        }
        refused("an unknown case", 404, http(applicantOf(caseNumber)).json("POST", withdrawal("M1-2023-999999"), REASON));
        RawHttp.Response anonymous = RawHttp.as(port, "nobody", "wrong").json("POST", withdrawal(caseNumber), REASON);
        AttackLedger.record(FAMILY, anonymous.status() == 401, "no valid login → " + anonymous);
        assertThat(anonymous.status()).isEqualTo(401);
        assertUntouched(caseNumber);
    }

    @Test
    void aWithdrawalNeedsAReasonOfAtMost500Characters() {
        String caseNumber = newCase();
        RawHttp applicant = http(applicantOf(caseNumber));
        for (String body : List.of("{}", "{\"reason\":\"   \"}", "{\"reason\":null}",
                toJson(Map.of("reason", "理".repeat(501))), toJson(Map.of("reason", "错误\u0000")))) {
            refused("reason " + (body.length() > 40 ? body.substring(0, 40) + "…" : body), 400, applicant.json("POST", withdrawal(caseNumber), body));
        }
        assertUntouched(caseNumber);
    }

    @Test
    void noWithdrawalOnceTheLocalityStartedVerifying() {
        String claimed = newCase();
        TestUsers.as(identityService, LOCALITY, () -> {
            taskService.claim(task(claimed, "Task_LocalityVerification").getId(), LOCALITY);
            return null;
        });
        refused("after the locality claimed the task", 409, http(applicantOf(claimed)).json("POST", withdrawal(claimed), REASON));

        String saved = newCase();
        TestUsers.as(identityService, LOCALITY, () -> {
            taskService.setVariableLocal(task(saved, "Task_LocalityVerification").getId(), "comment", "正在核对合同原件");
            return null;
        });
        refused("after the locality saved a comment", 409, http(applicantOf(saved)).json("POST", withdrawal(saved), REASON));

        String sentBack = atLocalitySupplement();
        refused("while supplementing after a send-back", 409, http(applicantOf(sentBack)).json("POST", withdrawal(sentBack), REASON));

        String inCityReview = atCityReview();
        refused("in city review", 409, http(applicantOf(inCityReview)).json("POST", withdrawal(inCityReview), REASON));
        assertThat(status(inCityReview)).isEqualTo("CITY_REVIEW");
        assertThat(status(claimed)).isEqualTo("LOCALITY_VERIFICATION");
    }

    @Test
    void theApplicantWithdrawsThenAppliesAgainWithTheSameContract() {
        String applicant = newApplicant();
        Map<String, Object> order = order("出库单 CK-2023-0901");
        String body = toJson(Map.of("orders", List.of(order)));
        String first = submit(applicant, body).status() == 201 ? lastCaseOf(applicant) : null;
        assertThat(first).isNotNull();
        RawHttp.Response again = submit(applicant, body);
        assertThat(again.status()).as("one measure-1 application per enterprise while the first stands").isEqualTo(409);

        RawHttp.Response withdrawn = http(applicant).json("POST", withdrawal(first), REASON);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("timeline").toString()).contains("企业撤回申请", "订单金额填写有误");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(first).count()).as("process ended").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("End_ApplicantWithdrew").list())
                .anyMatch(a -> first.equals(historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId()).singleResult().getBusinessKey()));
        JsonNode localityNotice = http(LOCALITY).get("/api/inbox?size=100").json().path("items");
        assertThat(localityNotice.toString()).contains("企业撤回申请：" + first, "订单金额填写有误");
        refused("withdrawing twice", 409, http(applicant).json("POST", withdrawal(first), REASON));

        RawHttp.Response reapplied = submit(applicant, body);
        assertThat(reapplied.status()).as("the same enterprise and contract again: " + reapplied).isEqualTo(201);
        assertThat(reapplied.json().path("caseNumber").asText()).isNotEqualTo(first);
        assertThat(status(first)).isEqualTo("WITHDRAWN");
    }

    private RawHttp.Response submit(String applicant, String body) {
        return http(applicant).send("POST", "/api/m1/applications", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private String lastCaseOf(String applicant) {
        return http(applicant).get("/api/cases?sort=submittedAt&order=desc&size=1").json().path("items").get(0).path("caseNumber").asText();
    }

    private void assertUntouched(String caseNumber) {
        assertThat(status(caseNumber)).isEqualTo("LOCALITY_VERIFICATION");
        assertThat(task(caseNumber, "Task_LocalityVerification")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN case_record c ON c.id = e.case_id"
                + " WHERE c.case_number = ? AND e.action = 'APPLICATION_WITHDRAWN'", Integer.class, caseNumber)).isZero();
    }

    private String status(String caseNumber) {
        return jdbc.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, caseNumber);
    }

    private static String withdrawal(String caseNumber) {
        return "/api/cases/" + caseNumber + "/withdrawal";
    }

    private static void refused(String what, int status, RawHttp.Response response) {
        boolean refused = response.status() == status && response.body().contains("\"zh\"");
        AttackLedger.record(FAMILY, refused, what + " → " + response);
        assertThat(refused).as("%s: %s", what, response).isTrue();
    }

    private RawHttp http(String user) {
        return RawHttp.as(port, user, PASSWORD);
    }
}
