package cn.huiqi.timelimit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseStepTimes;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.common.Label;

/** Per limited step of a case: working days used and left, for the case's view (and /cases.html). */
@Component
class StepTimesOfCases implements CaseStepTimes {

    private static final Label RUNNING = Label.of("办理中", "in progress");
    private static final Label PAUSED = Label.of("暂停计时（待企业补正）", "paused: awaiting the enterprise's supplement");
    private static final Label DONE = Label.of("已办结", "done");
    private static final Label SUPPLEMENT = Label.of("待企业补正（补正期限）", "awaiting the supplement (deadline)");

    private final StepClocks clocks;
    private final WorkingDays workingDays;
    private final CaseRecordRepository cases;

    StepTimesOfCases(StepClocks clocks, WorkingDays workingDays, CaseRecordRepository cases) {
        this.clocks = clocks;
        this.workingDays = workingDays;
        this.cases = cases;
    }

    @Override
    public List<CaseView.StepTime> of(CaseRecord caseRecord, boolean ended) {
        LocalDate today = TimeLimits.now().atZone(WorkingDays.CHINA).toLocalDate();
        Instant now = TimeLimits.now();
        // a case this transaction opened (the submission's answer) has the clocks it opened
        List<StepClock> ofCase = cases.insertedInThisTransaction(caseRecord)
                ? clocks.openedHere(caseRecord.getId()).orElseGet(() -> clocks.ofCase(caseRecord.getId()))
                : clocks.ofCase(caseRecord.getId());
        return ofCase.stream().map(clock -> {
            boolean running = clock.state() == StepClock.State.RUNNING && !ended;
            int elapsed = clock.elapsedDays() + (running
                    ? workingDays.workingDaysBetween(clock.runningSince().atZone(WorkingDays.CHINA).toLocalDate(), today) : 0);
            Label state = running ? (clock.kind() == StepClock.Kind.SUPPLEMENT ? SUPPLEMENT : RUNNING)
                    : clock.state() == StepClock.State.PAUSED && !ended ? PAUSED : DONE;
            String code = running ? (clock.kind() == StepClock.Kind.SUPPLEMENT ? "SUPPLEMENT" : "RUNNING")
                    : clock.state() == StepClock.State.PAUSED && !ended ? "PAUSED" : "DONE";
            boolean overdue = running && clock.dueAt() != null && !now.isBefore(clock.dueAt());
            return new CaseView.StepTime(clock.step(), clock.stepName(), clock.unitId(), clock.limitDays(), elapsed,
                    clock.limitDays() - elapsed, running ? clock.dueAt() : null, code, state.zh(), state.en(),
                    overdue || clock.overdueAt() != null && clock.kind() == StepClock.Kind.STEP && running);
        }).toList();
    }
}
