package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.testsupport.DueJobs;
import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.testsupport.QuietLoggers;

/**
 * The time limits' one check job ({@link TimeLimitSweep}): one job however often the engine starts, given its retries
 * back at a start; its successful runs leave no job-log rows; a clock whose check fails holds up no other and is
 * tried again an hour later. (The checks themselves, on measure 1's steps: {@link TimeLimitProcessTest}.)
 */
class TimeLimitSweepTest extends ProcessTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void oneJobHoweverOftenTheEngineStartsWithItsRetriesGivenBack() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(sweepJobs()).hasSize(1);
        TimeLimitSweep.ensureScheduled(configuration);
        TimeLimitSweep.ensureScheduled(configuration);
        assertThat(sweepJobs()).hasSize(1);

        String id = sweepJobs().get(0).get("ID_").toString();
        processEngine.getManagementService().setJobRetries(id, 0);
        TimeLimitSweep.ensureScheduled(configuration);
        assertThat(processEngine.getManagementService().createJobQuery().jobId(id).singleResult().getRetries()).isEqualTo(3);
    }

    @Test
    void aClockWhoseCheckFailsHoldsUpNoOtherAndIsTriedAgainAnHourLater() throws Throwable {
        Instant now = LocalDateTime.parse("2024-03-04T09:00").atZone(WorkingDays.CHINA).toInstant(); // Monday
        ClockUtil.setCurrentTime(Date.from(now));
        Instant checkAt = now.minus(Duration.ofDays(1));
        // a settlement's confirmation past its limit (no case: named by its process), and a clock of a measure that
        // is not in the catalogue, whose 督办 item cannot find the lead unit
        long good = clock("M1", checkAt);
        long broken = clock("XX", checkAt);
        try {
            QuietLoggers.during(() -> DueJobs.checkTimeLimits(processEngine), TimeLimitSweep.class.getName(),
                    "org.camunda.bpm.engine.context").call();

            assertThat(row(good)).containsEntry("STATE", "RUNNING").containsEntry("CHECK_AT", null);
            assertThat(row(good).get("REMINDED_AT")).isNotNull();
            assertThat(row(good).get("OVERDUE_AT")).isNotNull();
            assertThat(jdbc.queryForMap("SELECT case_id, lead_unit_id FROM supervision_item WHERE step_clock_id = ?", good))
                    .as("a clock of no case read as one (not as case 0, which has no lead unit)")
                    .containsEntry("CASE_ID", null).containsEntry("LEAD_UNIT_ID", "gxj");

            assertThat(row(broken).get("REMINDED_AT")).as("its reminder rolled back with the failed check").isNull();
            assertThat(row(broken).get("OVERDUE_AT")).isNull();
            assertThat(((Timestamp) row(broken).get("CHECK_AT")).toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));

            assertThat(sweepJobs()).singleElement().satisfies(job -> assertThat(((Timestamp) job.get("DUEDATE_")).toInstant())
                    .as("again a minute later").isEqualTo(now.plus(Duration.ofMinutes(1))));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_DEF_TYPE_ = ?", Integer.class,
                    TimeLimitSweep.TYPE)).as("job-log rows of the check job's successful runs").isZero();
        } finally {
            jdbc.update("DELETE FROM supervision_item WHERE step_clock_id IN (?, ?)", good, broken);
            jdbc.update("DELETE FROM step_clock WHERE id IN (?, ?)", good, broken);
        }
    }

    /** A database upgraded with tasks open: their clocks have no check_at, their timer jobs (huiqi-time-limit) do the check. */
    @Test
    void aTimerJobGivenBeforeV58StillChecksItsTasksClock() {
        Instant now = LocalDateTime.parse("2024-03-05T09:00").atZone(WorkingDays.CHINA).toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        long clock = clock("M1", now.minus(Duration.ofDays(1)));
        jdbc.update("UPDATE step_clock SET check_at = NULL WHERE id = ?", clock);
        String task = jdbc.queryForObject("SELECT task_id FROM step_clock WHERE id = ?", String.class, clock);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String job = configuration.getCommandExecutorTxRequired().execute(context -> {
            org.camunda.bpm.engine.impl.persistence.entity.TimerEntity timer = new org.camunda.bpm.engine.impl.persistence.entity.TimerEntity();
            timer.setJobHandlerType(TimeLimitJobs.TYPE);
            timer.setJobHandlerConfigurationRaw(task + ":REMINDER");
            timer.setDuedate(Date.from(now));
            context.getJobManager().schedule(timer);
            return timer.getId();
        });
        try {
            processEngine.getManagementService().executeJob(job);

            assertThat(row(clock).get("REMINDED_AT")).isNotNull();
            assertThat(row(clock).get("OVERDUE_AT")).as("its due instant has passed too").isNotNull();
            assertThat(row(clock)).containsEntry("CHECK_AT", null);
            assertThat(processEngine.getManagementService().createJobQuery().jobId(job).count()).as("run, and none scheduled after it").isZero();
        } finally {
            jdbc.update("DELETE FROM supervision_item WHERE step_clock_id = ?", clock);
            jdbc.update("DELETE FROM step_clock WHERE id = ?", clock);
        }
    }

    private long clock(String measure, Instant checkAt) {
        Timestamp at = Timestamp.from(checkAt);
        String process = "sweep-test-" + measure + "-" + System.nanoTime();
        jdbc.update("INSERT INTO step_clock (case_id, measure, process_instance_id, scope_id, step, step_name, kind, unit_id, limit_days, "
                + "elapsed_days, state, task_id, running_since, due_at, check_at, created_at, updated_at) "
                + "VALUES (NULL, ?, ?, ?, 'Task_ConfirmPayments', '确认支付', 'STEP', 'czj', 5, 0, 'RUNNING', ?, ?, ?, ?, ?, ?)",
                measure, process, process, process + "-task", Timestamp.from(checkAt.minus(Duration.ofDays(10))), at, at, at, at);
        return jdbc.queryForObject("SELECT id FROM step_clock WHERE process_instance_id = ?", Long.class, process);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT state, reminded_at, overdue_at, check_at FROM step_clock WHERE id = ?", id);
    }

    private List<Map<String, Object>> sweepJobs() {
        return jdbc.queryForList("SELECT ID_, DUEDATE_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?", TimeLimitSweep.TYPE);
    }
}
