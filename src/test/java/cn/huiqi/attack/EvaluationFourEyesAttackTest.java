package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The evaluation round's gxj steps under attack: the four-eyes rule of "复核奖励方案" (the preparer, and the gxj person
 * who scored figures, refused — over the engine's Java API and Camunda's REST API, 403 either way; a third gxj person
 * accepted), every other role completing each gxj step of the round, and a locality filing a 复核 request for another.
 * Measure 5 of 2022 (a period of its own in this database).
 */
class EvaluationFourEyesAttackTest extends EvaluationPoolsBase {

    @Test
    void theProposalIsCheckedByASecondGxjPersonOnly() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        long id = roundAtProposal("M5", "2022年前三季度试验区评价（攻击测试）", "2022-01-01", "2022-09-30", "2022-10-17T16:00:00Z");
        List<String> others = new ArrayList<>(List.of(TJJ, LOCALITY, OTHER_LOCALITY, POLICY, AUDITOR));
        CITY.values().stream().filter(u -> !u.equals(GXJ)).forEach(others::add);

        for (String user : others) {
            attempt("evaluation-step-other-role", user, roundTask(id, "Task_Propose"), Map.of("reason", "冒名拟定"));
        }
        // GXJ_CHECKER prepares; GXJ scored the "1269" figures of the round
        complete(GXJ_CHECKER, roundTask(id, "Task_Propose"), Map.of("reason", "按排名拟定"));
        for (String user : others) {
            attempt("evaluation-step-other-role", user, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        }
        attempt("evaluation-four-eyes", GXJ_CHECKER, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        attempt("evaluation-four-eyes", GXJ, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        HttpResponse<String> overRest = api(GXJ_CHECKER).post("/engine-rest/task/" + roundTask(id, "Task_CheckProposal").getId() + "/complete",
                toJson(Map.of("variables", Map.of("outcome", Map.of("value", "approve", "type", "String")))));
        AttackLedger.record("evaluation-four-eyes", overRest.statusCode() == 403, "preparer over /engine-rest: " + overRest.statusCode());
        assertThat(overRest.statusCode()).isEqualTo(403);
        assertThat(overRest.body()).contains("双人复核");
        assertThat(status(id)).isEqualTo("PROPOSED");

        complete(GXJ_THIRD, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        assertThat(jdbc.queryForObject("SELECT checked_by FROM evaluation_round WHERE id = ?", String.class, id)).isEqualTo(GXJ_THIRD);

        for (String user : others) {
            attempt("evaluation-step-other-role", user, roundTask(id, "Task_CityApproval"),
                    Map.of("outcome", "approved", "documentNumber", "伪造文号", "approvalDate", "2022-10-18"));
        }
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-20T02:00:00Z")));
        complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved", "documentNumber", "洪府字〔2022〕99号",
                "approvalDate", "2022-10-19"));

        // 复核申请: only for one's own locality, only during the window
        HttpResponse<String> forAnother = api(LOCALITY).post("/api/evaluations/" + id + "/review-requests",
                toJson(Map.of("unit", "xihu", "reason", "替西湖区申请复核")));
        AttackLedger.record("evaluation-review-request", forAnother.statusCode() == 403, "donghu for xihu: " + forAnother.statusCode());
        assertThat(forAnother.statusCode()).isEqualTo(403);
        for (String user : List.of(GXJ, CZJ, TJJ, POLICY)) {
            HttpResponse<String> notALocality = api(user).post("/api/evaluations/" + id + "/review-requests",
                    toJson(Map.of("unit", "donghu", "reason", "非地区申请")));
            AttackLedger.record("evaluation-review-request", notALocality.statusCode() == 403, user + ": " + notALocality.statusCode());
            assertThat(notALocality.statusCode()).as(user).isEqualTo(403);
        }
        // the window is over (its timer not yet run): too late (the round's awards are left alone: measure 5's pool is the other test's)
        Instant due = jdbc.queryForObject("SELECT review_due FROM evaluation_round WHERE id = ?", java.sql.Timestamp.class, id).toInstant();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
        HttpResponse<String> late = api(LOCALITY).post("/api/evaluations/" + id + "/review-requests",
                toJson(Map.of("unit", "donghu", "reason", "复核期已过")));
        AttackLedger.record("evaluation-review-request", late.statusCode() == 409, "after the window: " + late.statusCode());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_review_request WHERE round_id = ?", Integer.class, id)).isZero();
    }

    /** One completion attempt that must be refused (403: the task contract or the four-eyes rule). */
    private void attempt(String family, String user, Task task, Map<String, Object> variables) {
        boolean refused;
        try {
            complete(user, task, variables);
            refused = false;
        } catch (AuthorizationException expected) {
            refused = true;
        }
        AttackLedger.record(family, refused, user + " completed " + task.getTaskDefinitionKey());
        assertThat(refused).as(user + " " + task.getTaskDefinitionKey()).isTrue();
    }
}
