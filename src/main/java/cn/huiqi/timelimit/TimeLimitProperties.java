package cn.huiqi.timelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huiqi.time-limits} (application.yml), all but {@code check-every} in working days and all labelled defaults
 * ("默认值，待政策部门确认" / "default, awaiting confirmation by policy staff"): the policy publishes none of them.
 * <pre>
 * huiqi:
 *   time-limits:
 *     steps:                       # per measure: user task id → working days
 *       M1: { Task_LocalityVerification: 5, Task_CityReview: 10, Task_ConfirmPayments: 5 }
 *     reminder-percent: 80         # the step's unit is reminded when this share of its limit has passed
 *     check-every: PT1M            # how often the clocks due a reminder or overdue are looked for (TimeLimitSweep)
 *     supplement:
 *       deadline: 10               # the enterprise's 补正 deadline
 *       reminder-before: 2         # the enterprise is reminded this many working days before it
 *       pauses:                    # supplement task → the step whose clock it pauses
 *         Task_LocalitySupplement: Task_LocalityVerification
 * </pre>
 * An unknown measure, an unknown step, a limit below 1, or a unit's step a measure's cases reach without a limit (its
 * tasks would have no due date) stops the start ({@link TimeLimitSetup}).
 */
@ConfigurationProperties("huiqi.time-limits")
public class TimeLimitProperties {

    private Map<String, Map<String, Integer>> steps = new LinkedHashMap<>();
    private int reminderPercent = 80;
    private java.time.Duration checkEvery = java.time.Duration.ofMinutes(1);
    private Supplement supplement = new Supplement();

    public Map<String, Map<String, Integer>> getSteps() { return steps; }
    public void setSteps(Map<String, Map<String, Integer>> steps) { this.steps = steps; }
    public int getReminderPercent() { return reminderPercent; }
    public void setReminderPercent(int reminderPercent) { this.reminderPercent = reminderPercent; }
    public java.time.Duration getCheckEvery() { return checkEvery; }
    public void setCheckEvery(java.time.Duration checkEvery) { this.checkEvery = checkEvery; }
    public Supplement getSupplement() { return supplement; }
    public void setSupplement(Supplement supplement) { this.supplement = supplement; }

    public static class Supplement {

        private int deadline = 10;
        private int reminderBefore = 2;
        private Map<String, String> pauses = new LinkedHashMap<>();

        public int getDeadline() { return deadline; }
        public void setDeadline(int deadline) { this.deadline = deadline; }
        public int getReminderBefore() { return reminderBefore; }
        public void setReminderBefore(int reminderBefore) { this.reminderBefore = reminderBefore; }
        public Map<String, String> getPauses() { return pauses; }
        public void setPauses(Map<String, String> pauses) { this.pauses = pauses; }
    }
}
