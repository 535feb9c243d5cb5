package cn.huiqi.inbox;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.common.Label;
import cn.huiqi.timelimit.StepDueSoon;
import cn.huiqi.timelimit.StepOverdue;
import cn.huiqi.timelimit.SupplementDeadlineNear;

/**
 * Messages from the time limits (cn.huiqi.timelimit, in the transaction that publishes them): due soon and overdue
 * to the step's unit, 督办 to the lead unit, the supplement deadline to the applicant.
 */
@Component
class TimeLimitNotices {

    private final Notices notices;
    private final CaseDescriptions descriptions;
    private final CaseRecordRepository cases;
    private final HistoryService history;
    private final RepositoryService repository;

    TimeLimitNotices(Notices notices, CaseDescriptions descriptions, CaseRecordRepository cases, HistoryService history,
                     RepositoryService repository) {
        this.repository = repository;
        this.notices = notices;
        this.descriptions = descriptions;
        this.cases = cases;
        this.history = history;
    }

    @EventListener
    void on(StepDueSoon event) {
        if (blank(event.unit())) {
            return;
        }
        CaseRecord caseRecord = cases.findById(event.caseId()).orElse(null);
        Label step = stepOf(event.taskId(), event.step());
        Label due = CaseDescriptions.day(event.due());
        notices.post(NoticeKind.STEP_DUE_SOON, Recipient.unit(event.unit()), caseRecord,
                Label.of("即将到期：" + step.zh() + number(caseRecord), "Due soon: " + step.en() + number(caseRecord)),
                officialBody(caseRecord, step, Label.of("办理期限 " + due.zh() + "，请及时办理。", "due on " + due.en() + "; please act in time.")),
                Notices.taskLink(event.taskId()));
    }

    @EventListener
    void on(StepOverdue event) {
        CaseRecord caseRecord = cases.findById(event.caseId()).orElse(null);
        Label step = stepOf(event.taskId(), event.step());
        Label due = CaseDescriptions.day(event.due());
        if (!blank(event.unit())) {
            notices.post(NoticeKind.STEP_OVERDUE, Recipient.unit(event.unit()), caseRecord,
                    Label.of("已超期：" + step.zh() + number(caseRecord), "Overdue: " + step.en() + number(caseRecord)),
                    officialBody(caseRecord, step, Label.of("已超过办理期限 " + due.zh() + "，牵头单位已收到督办提醒。",
                            "past its time limit of " + due.en() + "; the lead unit has been told to supervise.")),
                    Notices.taskLink(event.taskId()));
        }
        if (!blank(event.leadUnit())) {
            Label unit = Label.of(blank(event.unit()) ? "" : "（承办单位 " + event.unit() + "）",
                    blank(event.unit()) ? "" : " (unit " + event.unit() + ")");
            notices.post(NoticeKind.SUPERVISION, Recipient.unit(event.leadUnit()), caseRecord,
                    Label.of("督办：" + step.zh() + number(caseRecord), "Supervise: " + step.en() + number(caseRecord)),
                    officialBody(caseRecord, step, Label.of("已超过办理期限 " + due.zh() + unit.zh() + "，请督促办理。",
                            "past its time limit of " + due.en() + unit.en() + "; please see that it is done.")),
                    caseRecord == null ? Notices.taskLink(event.taskId()) : Notices.caseLink(caseRecord));
        }
    }

    @EventListener
    void on(SupplementDeadlineNear event) {
        cases.findById(event.caseId()).ifPresent(caseRecord -> CaseNotices.applicantOf(caseRecord).ifPresent(applicant -> {
            Label about = descriptions.of(caseRecord);
            Label last = CaseDescriptions.day(event.lastDay());
            notices.post(NoticeKind.SUPPLEMENT_DEADLINE_NEAR, applicant, caseRecord,
                    Label.of("补正期限将至：" + caseRecord.getCaseNumber(), "Supplement deadline near: " + caseRecord.getCaseNumber()),
                    Label.of("您的" + about.zh() + "的补正材料最迟须于 " + last.zh() + " 提交，逾期未提交的视为撤回申请。",
                            "The supplement of your " + about.en() + " is due by " + last.en()
                                    + "; a case without it by then is treated as withdrawn."),
                    Notices.caseLink(caseRecord));
        }));
    }

    /** A step outside any case (e.g. a settlement's payments, case id 0) is named by its step alone. */
    private Label officialBody(CaseRecord caseRecord, Label step, Label what) {
        Label about = caseRecord == null ? Label.of("办理事项", "a task") : descriptions.of(caseRecord);
        return Label.of(about.zh() + "的“" + step.zh() + "”步骤" + what.zh(), "The step \"" + step.en() + "\" of " + about.en() + " is " + what.en());
    }

    /**
     * The task's step as the model names it when the engine knows the task (the task's own name also carries the case:
     * {@code casefile.TaskNames}), else the step as the event names it.
     */
    private Label stepOf(String taskId, String step) {
        Optional<String> name = Optional.ofNullable(taskId).map(id -> history.createHistoricTaskInstanceQuery().taskId(id).singleResult())
                .map(this::modelName);
        return CaseDescriptions.step(name.orElse(step));
    }

    private String modelName(HistoricTaskInstance task) {
        var element = task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null ? null
                : repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
        return element instanceof org.camunda.bpm.model.bpmn.instance.FlowElement flowElement && flowElement.getName() != null
                ? flowElement.getName() : task.getName();
    }

    private static String number(CaseRecord caseRecord) {
        return caseRecord == null ? "" : " " + caseRecord.getCaseNumber();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
