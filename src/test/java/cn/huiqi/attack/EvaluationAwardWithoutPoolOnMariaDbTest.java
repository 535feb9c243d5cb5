package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.huiqi.fund.PoolBalance;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * The shipped configuration: measure 6's pool has no cap (0 = not set, staff set it). The awards are decided, but
 * nothing is reserved (the ledger's own message on each case's timeline) and the settlement funds none of them:
 * every award case ends NOT_FUNDED, the ledger untouched, and the round's process ends.
 */
class EvaluationAwardWithoutPoolOnMariaDbTest extends EvaluationProcessBase {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_evalproc_nopool");
    }

    @Test
    void awardsOfAPoolWithoutACapAreNotFundedCleanly() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-01-08T02:00:00Z")));
        long id = roundAtProposal("M6", "2023年度工业发展综合评价（未设资金池）", "2023-01-01", "2023-12-31", "2024-01-16T16:00:00Z");
        complete(GXJ, roundTask(id, "Task_Propose"), Map.of());
        complete(GXJ_CHECKER, roundTask(id, "Task_CheckProposal"), Map.of("outcome", "approve"));
        complete(GXJ, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved", "documentNumber", "洪府字〔2024〕7号",
                "approvalDate", "2024-01-17"));
        passReviewWindow(id);

        List<Long> cases = jdbc.queryForList("SELECT case_id FROM evaluation_award_case WHERE round_id = ?", Long.class, id);
        assertThat(cases).hasSize(9);
        assertThat(jdbc.queryForList("SELECT detail FROM case_event WHERE case_id = ? AND action = 'FUNDS_NOT_RESERVED'", String.class,
                cases.get(0))).singleElement().asString().contains("M6");
        assertThat(ledger.balance("M6").reserved()).isEqualByComparingTo("0.00");

        settleAndEndNotice("M6");
        assertThat(jdbc.queryForList("SELECT status FROM case_record WHERE id IN (SELECT case_id FROM evaluation_award_case WHERE round_id = ?)",
                String.class, id)).hasSize(9).containsOnly("NOT_FUNDED");
        PoolBalance pool = ledger.balance("M6");
        assertThat(pool.reserved().add(pool.committed()).add(pool.paid())).isEqualByComparingTo("0.00");
        String m6 = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id).count() == 0 ? "ended" : "running";
        assertThat(m6).as("every award case ended, so did the round's process").isEqualTo("ended");
    }
}
