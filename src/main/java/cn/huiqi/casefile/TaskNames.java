package cn.huiqi.casefile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import cn.huiqi.common.Money;

/**
 * Names a case's user task so reviewers tell tasks apart in Tasklist and find one by its search ("任务名称 like"):
 * "属地核实 · M1-2023-000001 · 南昌洪都精密机械有限公司 · ¥50,000.00" (step, case number, applicant, the reward by
 * rule or else the amount claimed), and writes the case number and the applicant's name as the task-local
 * variables {@link #CASE_NUMBER} and {@link #APPLICANT} that the shared Tasklist filters show in list items. All
 * from the case record, never from process variables, which whoever completes a task can write; the task guard
 * lets only administrators rename a task ({@code workflow.StepGuard}). Called for every user task by the time
 * limits' task listeners ({@code timelimit.TimeLimitPlugin}), after they read the step's own name.
 */
@Component
public class TaskNames {

    public static final String CASE_NUMBER = "caseNumber";
    public static final String APPLICANT = "enterpriseName";
    private static final String SEPARATOR = " · ";
    /** ACT_RU_TASK.NAME_ is VARCHAR(255). */
    private static final int MAX = 255;

    private final CaseOfProcess caseOfProcess;
    private final ApplicantNames applicantNames;
    private final List<CaseRewards> rewards;

    TaskNames(CaseOfProcess caseOfProcess, ApplicantNames applicantNames, List<CaseRewards> rewards) {
        this.caseOfProcess = caseOfProcess;
        this.applicantNames = applicantNames;
        this.rewards = rewards;
    }

    public void name(DelegateTask task) {
        Optional<CaseRecord> found = caseOfProcess.ofRootProcessInstance(CaseOfProcess.rootIdOf(task.getExecution()));
        if (found.isEmpty() || found.get().getCaseNumber() == null) {
            return; // a process of no single case (fund settlement) keeps its step's name
        }
        CaseRecord caseRecord = found.get();
        String applicant = applicantNames.of(caseRecord.getApplicant()).name();
        task.setName(title(task.getName(), caseRecord.getCaseNumber(), applicant, amount(caseRecord)));
        // Tasklist's list items show these two; review-chain already has them (its call activity maps them in), so a
        // task there adds nothing; a task elsewhere gets them task-local. Asked of the task's execution: a task being
        // created has no variables of its own yet, and asking the task would load them (one query for none)
        DelegateExecution execution = task.getExecution();
        if (!execution.hasVariable(CASE_NUMBER)) {
            task.setVariableLocal(CASE_NUMBER, caseRecord.getCaseNumber());
        }
        if (!execution.hasVariable(APPLICANT)) {
            task.setVariableLocal(APPLICANT, applicant);
        }
    }

    /**
     * Names an open task of the case again, from its step's own name and the case as it is now: a parallel reviewer's
     * change has moved the amount its name shows (orderreward.OrderVerification).
     */
    public void rename(TaskEntity task, CaseRecord caseRecord) {
        if (task.getExecution() == null || caseRecord.getCaseNumber() == null) {
            return;
        }
        String name = title(task.getExecution().getCurrentActivityName(), caseRecord.getCaseNumber(),
                applicantNames.of(caseRecord.getApplicant()).name(), amount(caseRecord));
        if (!name.equals(task.getName())) {
            task.setName(name);
        }
    }

    static String title(String step, String caseNumber, String applicant, BigDecimal amount) {
        StringJoiner title = new StringJoiner(SEPARATOR);
        if (step != null && !step.isBlank()) {
            title.add(step.split(" / ", 2)[0].strip()); // the Chinese part of "属地核实 / Locality verification"
        }
        title.add(caseNumber);
        if (applicant != null && !applicant.isBlank()) {
            title.add(applicant.strip());
        }
        if (amount != null) {
            title.add(Money.yuan(amount));
        }
        String text = title.toString();
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }

    private BigDecimal amount(CaseRecord caseRecord) {
        return rewards.stream().map(r -> r.rewardOf(caseRecord.getId())).flatMap(Optional::stream)
                .map(r -> r.rewardAmount() != null ? r.rewardAmount() : r.claimedAmount())
                .filter(a -> a != null).findFirst().orElse(null);
    }
}
