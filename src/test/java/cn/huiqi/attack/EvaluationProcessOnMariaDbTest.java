package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.settlement.SettlementAllocation;
import cn.huiqi.settlement.SettlementPayments;
import cn.huiqi.settlement.SettlementRepository;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 16 item 4 on MariaDB, read like bpmn/evaluation-round.bpmn and bpmn/evaluation-award.bpmn: measure 5 from the
 * opening of its round to the payment of every award (within a pool of 2,000万 set for the test), the four-eyes
 * refusal, a returned 审定, a 复核 request kept; measure 6 with one vetoed locality getting no award and a pool smaller
 * than the awards (pro rata, never beyond it).
 */
class EvaluationProcessOnMariaDbTest extends EvaluationPoolsBase {

    @Autowired
    cn.huiqi.claim.RewardClaims claims;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void measureFiveFromOpeningTheRoundToPayingEveryAward() {
        evaluationPeople();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-09T02:00:00Z"))); // Monday 10:00 in Nanchang
        long id = openRound("M5", "2023年前三季度试验区评价（流程测试）", "2023-01-01", "2023-09-30");
        ProcessInstance m5 = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id)
                .processDefinitionKey("m5-pilot-zone-evaluation").singleResult();
        assertThat(m5).as("opening the round starts measure 5's process").isNotNull();

        // 确认数据采集完毕: refused while a locality lacks a figure
        Task closeDataEntry = roundTask(id, "Task_CloseDataEntry");
        assertThatThrownBy(() -> complete(GXJ, closeDataEntry, Map.of())).isInstanceOf(cn.huiqi.common.ConflictException.class)
                .hasMessageContaining("figures are still missing");
        importFigures(id);
        complete(GXJ, roundTask(id, "Task_CloseDataEntry"), Map.of());
        assertThat(status(id)).isEqualTo("CONFIRMATION");

        // the confirmation period ends by silence: the evaluation module tells the process, which scores and ranks
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-16T16:00:01Z")));
        managementService.executeJob(confirmationJob(id).getId());
        score(id);
        assertThat(status(id)).isEqualTo("SCORING");
        JsonNode ranked = expect(200, api(GXJ).get("/api/evaluations/" + id + "/process"));
        assertThat(ranked.get("ranking").get("totalAward").decimalValue()).isEqualByComparingTo("10500000.00");
        assertThat(ranked.get("openTasks").get(0).get("step").asText()).isEqualTo("Task_Propose");
        assertThat(expect(200, api(LOCALITY).get("/api/evaluations/" + id + "/process")).path("ranking").isMissingNode())
                .as("a locality sees the ranking only once it is circulated").isTrue();

        // 拟定奖励方案 by one gxj person; 复核 by the same person is refused (four eyes), by another accepted
        complete(GXJ, roundTask(id, "Task_Propose"), Map.of("reason", "按排名拟定"));
        assertThatThrownBy(() -> complete(GXJ, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("双人复核").hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> complete(TJJ, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve")))
                .as("the statistics bureau, who imported the figures, is no gxj person").isInstanceOf(AuthorizationException.class);
        complete(GXJ_CHECKER, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));

        // 市政府审定 returned once (with a reason), proposed and checked again, then approved with its document number
        assertThatThrownBy(() -> complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved")))
                .isInstanceOf(InvalidInputException.class);
        complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "returned", "reason", "请补充各组得分说明"));
        complete(GXJ, roundTask(id, "Task_Propose"), Map.of("reason", "补充得分说明"));
        complete(GXJ_CHECKER, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-20T02:00:00Z")));
        complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved", "documentNumber", "洪府字〔2023〕88号",
                "approvalDate", "2023-10-20"));

        // 通报: every locality sees the ranking; the 复核 window of 5 working days
        assertThat(status(id)).isEqualTo("CIRCULATED");
        JsonNode circulated = expect(200, api(OTHER_LOCALITY).get("/api/evaluations/" + id + "/process"));
        assertThat(circulated.get("ranking").get("lines")).hasSize(13);
        assertThat(circulated.get("approvalDocument").asText()).isEqualTo("洪府字〔2023〕88号");
        // the circulation tells every locality and the statistics bureau (evaluations.html#id), with no figure in the message
        assertThat(jdbc.queryForList("SELECT recipient_id FROM inbox_message WHERE kind = 'EVALUATION_CIRCULATED' AND link = ?", String.class,
                "evaluations.html#" + id)).hasSize(14).contains("donghu", "xihu", "wanli", "xiaolan", "tjj").doesNotHaveDuplicates();

        // a 复核 request for its own figures; another locality's refused
        expect(403, api(LOCALITY).post("/api/evaluations/" + id + "/review-requests", toJson(Map.of("unit", "xihu", "reason", "代为申请"))));
        expect(400, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/review-requests", toJson(Map.of("unit", "xihu", "reason", " "))));
        expect(201, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/review-requests",
                toJson(Map.of("unit", "xihu", "reason", "请复核本区技改投资增速"))));
        assertThat(expect(200, api(LOCALITY).get("/api/evaluations/" + id + "/review-requests"))).isEmpty();

        // the window closes: gxj handles the request (kept); the awards are decided, one case per awarded locality
        passReviewWindow(id);
        complete(GXJ, roundTask(id, "Task_HandleReviewRequests"), Map.of("outcome", "keep", "reason", "经核实，数据无误"));
        assertThat(jdbc.queryForList("SELECT CONCAT(recipient_id, ':', body_zh) FROM inbox_message WHERE kind = 'EVALUATION_REVIEW_ANSWERED'"
                + " AND link = ?", String.class, "evaluations.html#" + id)).singleElement().asString().startsWith("xihu:").contains("维持原排名")
                .doesNotContain("经核实，数据无误");
        assertThat(status(id)).isEqualTo("AWARDED");
        List<Map<String, Object>> awards = jdbc.queryForList("SELECT a.unit_id, a.amount, c.case_number, c.applicant_kind, c.status,"
                + " r.payee_kind, r.payee_unit_id, r.reward_amount FROM evaluation_award_case a JOIN case_record c ON c.id = a.case_id"
                + " JOIN reward_claim r ON r.case_id = c.id WHERE a.round_id = ? ORDER BY a.unit_id", id);
        assertThat(awards).hasSize(9);
        assertThat(awards).allSatisfy(a -> {
            assertThat(a.get("applicant_kind")).isEqualTo("LOCALITY");
            assertThat(a.get("payee_kind")).isEqualTo("LOCALITY");
            assertThat(a.get("payee_unit_id")).isEqualTo(a.get("unit_id"));
            assertThat(a.get("status")).isEqualTo("AWAITING_SETTLEMENT");
        });
        assertThat(amount(awards, "wanli")).as("湾里 tops the districts").isEqualByComparingTo("2000000.00");
        assertThat(amount(awards, "jinxian")).isEqualByComparingTo("2000000.00");
        assertThat(amount(awards, "anyi")).isEqualByComparingTo("1000000.00");
        assertThat(amount(awards, "gaoxin")).isEqualByComparingTo("500000.00");
        cn.huiqi.claim.Payee payee = claims.payeeOf(claims.get(((Number) jdbc.queryForObject(
                "SELECT case_id FROM evaluation_award_case WHERE round_id = ? AND unit_id = 'wanli'", Long.class, id)).longValue()));
        assertThat(payee.name()).isEqualTo("湾里管理局（财政）");
        assertThat(payee.bankAccount()).startsWith("资金指标下达至地区财政局");
        PoolBalance reserved = ledger.balance("M5");
        assertThat(reserved.reserved()).isEqualByComparingTo("10500000.00");

        // settlement and notice as for measures 1-3; during the notice an objection to gaoxin's award is recorded by gxj (upheld):
        // its award process ends withdrawn, its money is released, the timeline says so in the award's own words
        String settlementInstance = settlementAllocation.start("M5", GXJ).getProcessInstanceId();
        runJobs(settlementInstance, "Task_Settle");
        String objected = awards.stream().filter(a -> "gaoxin".equals(a.get("unit_id"))).findFirst().orElseThrow().get("case_number").toString();
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(processEngine);
        ProcessInstance objectedProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(objected)
                .processDefinitionKey("evaluation-award").singleResult();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(objectedProcess)
                .isWaitingAt("Gateway_Notice");
        expect(403, api(LOCALITY).post("/api/cases/" + objected + "/objections", toJson(Map.of("reason", "代为提出异议"))));
        expect(400, api(GXJ).post("/api/cases/" + objected + "/objections", toJson(Map.of("reason", " "))));
        expect(200, api(GXJ).post("/api/cases/" + objected + "/objections", toJson(Map.of("reason", "举报：高新区新增规上企业数据重复计算"))));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(objectedProcess).isEnded().hasPassedInOrder("Message_ObjectionRaised",
                "Task_WithdrawFromSettlement", "End_Objected").hasNotPassed("Message_PaymentConfirmed", "End_Paid");
        assertThat(jdbc.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, objected)).isEqualTo("WITHDRAWN");
        List<String> objectedTimeline = jdbc.queryForList("SELECT detail FROM case_event WHERE case_id = (SELECT id FROM case_record"
                + " WHERE case_number = ?) ORDER BY id", String.class, objected);
        assertThat(objectedTimeline).anySatisfy(line -> assertThat(line).startsWith("因公示异议撤出第").contains("本次奖励撤回，由市工信局重新核定评价结果")
                .doesNotContain("退回市级审核"));
        assertThat(ledger.balance("M5").committed()).as("gaoxin's 50万 released").isEqualByComparingTo("10000000.00");
        expect(409, api(GXJ).post("/api/cases/" + objected + "/objections", toJson(Map.of("reason", "再次异议"))));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(settlementInstance).activityId("Timer_NoticePeriod")
                .singleResult().getId());
        runJobs(settlementInstance, "Task_EndNotice");
        long settlementId = settlements.findByProcessInstanceId(settlementInstance).orElseThrow().getId();
        awards.removeIf(a -> objected.equals(a.get("case_number")));
        // the others (no objection: not upheld, nothing recorded) go on to payment; czj's reference is the 资金指标下达 document number
        for (Map<String, Object> award : awards) {
            String caseNumber = award.get("case_number").toString();
            TestUsers.as(identityService, CZJ, () -> payments.confirm(settlementId, List.of(new SettlementPayments.Confirmation(caseNumber,
                    "洪财指〔2023〕" + award.get("unit_id"), "2023-11-10")), CZJ));
        }
        assertThat(jdbc.queryForList("SELECT status FROM case_record WHERE id IN (SELECT case_id FROM evaluation_award_case WHERE round_id = ?)",
                String.class, id)).hasSize(9).containsOnly("PAID", "WITHDRAWN").containsOnlyOnce("WITHDRAWN");
        PoolBalance paid = ledger.balance("M5");
        assertThat(paid.paid()).isEqualByComparingTo("10000000.00");
        assertThat(paid.reserved().add(paid.committed())).isEqualByComparingTo("0.00");
        assertThat(paid.paid()).isLessThanOrEqualTo(paid.cap());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(m5.getId()).count()).as("the round's process ended").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(m5.getId()).activityId("End_Done").count()).isOne();
    }

    @Test
    void measureSixVetoesOneLocalityAndNeverPaysBeyondItsPool() {
        evaluationPeople();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-01-08T02:00:00Z")));
        long id = openRound("M6", "2023年度工业发展综合评价（流程测试）", "2023-01-01", "2023-12-31");
        // 安全生产一票否决核查: the veto is entered through its API, the task records that it was
        expect(201, api(GXJ).post("/api/evaluations/vetoes", toJson(Map.of("year", 2023, "unitId", "wanli", "reason", "2023年发生较大以上生产安全事故",
                "evidenceRef", "洪安委〔2023〕12号"))));
        Task veto = roundTask(id, "Task_SafetyVetoCheck");
        assertThatThrownBy(() -> complete(GXJ, veto, Map.of("outcome", "maybe"))).isInstanceOf(InvalidInputException.class);
        complete(GXJ, veto, Map.of("outcome", "recorded"));
        importFigures(id);
        complete(GXJ, roundTask(id, "Task_CloseDataEntry"), Map.of());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-01-16T16:00:01Z")));
        managementService.executeJob(confirmationJob(id).getId());
        score(id);
        complete(GXJ, roundTask(id, "Task_Propose"), Map.of());
        complete(GXJ_CHECKER, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved", "documentNumber", "洪府字〔2024〕5号",
                "approvalDate", "2024-01-17"));
        // 复核: xihu asks for a recheck; gxj corrects its figure, the round is scored again and goes back to 拟定奖励方案
        expect(201, api(OTHER_LOCALITY).post("/api/evaluations/" + id + "/review-requests",
                toJson(Map.of("unit", "xihu", "reason", "本区技改投资增速统计有误"))));
        passReviewWindow(id);
        expect(200, api(GXJ).post("/api/evaluations/" + id + "/figures/by-lead-bureau", toJson(Map.of("unit", "xihu", "indicator",
                "TECH_INVEST_GROWTH", "value", "30", "reason", "复核：市统计局更正函"))));
        complete(GXJ, roundTask(id, "Task_HandleReviewRequests"), Map.of("outcome", "corrected", "reason", "数据已更正，重新评分"));
        assertThat(jdbc.queryForList("SELECT CONCAT(recipient_id, ':', body_zh) FROM inbox_message WHERE kind = 'EVALUATION_REVIEW_ANSWERED'"
                + " AND link = ?", String.class, "evaluations.html#" + id)).singleElement().asString().startsWith("xihu:").contains("已更正数据");
        score(id);
        assertThat(status(id)).isEqualTo("SCORING");
        assertThat(jdbc.queryForObject("SELECT status FROM evaluation_review_request WHERE round_id = ?", String.class, id)).isEqualTo("CORRECTED");
        complete(GXJ, roundTask(id, "Task_Propose"), Map.of("reason", "按更正后的排名重新拟定"));
        complete(GXJ_CHECKER, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved", "documentNumber", "洪府字〔2024〕9号",
                "approvalDate", "2024-01-25"));
        passReviewWindow(id);
        List<Map<String, Object>> awards = jdbc.queryForList("SELECT unit_id, amount FROM evaluation_award_case WHERE round_id = ? ORDER BY unit_id", id);
        assertThat(awards).extracting(a -> a.get("unit_id")).as("湾里 would top the districts but is vetoed").doesNotContain("wanli")
                .contains("honggutan", "xinjian", "jinxian", "xiaolan").hasSize(8);
        BigDecimal asked = awards.stream().map(a -> (BigDecimal) a.get("amount")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(asked).isEqualByComparingTo("12900000.00");
        JsonNode xihu = null;
        for (JsonNode line : expect(200, api(OTHER_LOCALITY).get("/api/evaluations/" + id + "/process")).get("ranking").get("lines")) {
            xihu = "xihu".equals(line.get("unitId").asText()) ? line : xihu;
        }
        assertThat(xihu.get("scores").get(2).get("score").decimalValue()).as("scored again with the corrected figure (30 → cap)")
                .isEqualByComparingTo("20.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_event WHERE round_id = ? AND kind = 'RANKED'", Integer.class, id)).isEqualTo(2);

        // 1,290万 asked of a 1,000万 pool: the settlement shares the pool pro rata, never more
        long settlementId = settleAndEndNotice("M6");
        PoolBalance committed = ledger.balance("M6");
        assertThat(committed.committed()).isLessThanOrEqualTo(new BigDecimal("10000000.00")).isGreaterThan(new BigDecimal("9999999.00"));
        for (Map<String, Object> award : jdbc.queryForList("SELECT c.case_number FROM evaluation_award_case a JOIN case_record c ON c.id = a.case_id"
                + " WHERE a.round_id = ?", id)) {
            TestUsers.as(identityService, CZJ, () -> payments.confirm(settlementId, List.of(new SettlementPayments.Confirmation(
                    award.get("case_number").toString(), "洪财指〔2024〕3号", "2024-02-01")), CZJ));
        }
        PoolBalance paid = ledger.balance("M6");
        assertThat(paid.paid()).isLessThanOrEqualTo(paid.cap()).isEqualByComparingTo(committed.committed());
        assertThat(ledger.balance("PACKAGE").paid()).isLessThanOrEqualTo(new BigDecimal("100000000.00"));
    }

}
