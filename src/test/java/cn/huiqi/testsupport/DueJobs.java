package cn.huiqi.testsupport;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs what is due on the engine's clock, as the job executor would (tests run with it off): the time limits' checks
 * (one job for every step clock, timelimit.TimeLimitSweep) and one process instance's due jobs, with the jobs they queue.
 */
public final class DueJobs {

    /** timelimit.TimeLimitSweep's job handler type. */
    public static final String TIME_LIMIT_SWEEP = "huiqi-time-limit-sweep";

    private DueJobs() {
    }

    /** The time limits' checks, then the instance's due jobs earliest first, until none is due (a future timer is not). */
    public static void run(ProcessEngine engine, String processInstanceId) {
        checkTimeLimits(engine);
        ManagementService management = engine.getManagementService();
        for (int run = 0; run < 50; run++) { // a job may delete others (a boundary timer ends the task)
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().orderByJobDuedate().asc()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
    }

    /**
     * Runs the time limits' sweep job now, whatever its due date (the job executor runs it every minute), and again
     * while it finds a full batch (it then schedules itself at once): every clock due on the engine's clock is checked.
     */
    public static void checkTimeLimits(ProcessEngine engine) {
        ManagementService management = engine.getManagementService();
        JdbcTemplate jdbc = new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
        for (int run = 0; run < 100; run++) {
            List<Map<String, Object>> sweeps = jdbc.queryForList("SELECT ID_, DUEDATE_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?", TIME_LIMIT_SWEEP);
            if (sweeps.size() != 1) {
                throw new AssertionError("one time-limit sweep job expected, found " + sweeps.size());
            }
            Date due = (Date) sweeps.get(0).get("DUEDATE_");
            if (run > 0 && due.after(ClockUtil.getCurrentTime())) {
                return;
            }
            management.executeJob(sweeps.get(0).get("ID_").toString());
        }
    }
}
