package cn.huiqi.inbox;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.common.Label;
import cn.huiqi.enterprise.EnterpriseRegister;

/**
 * "New task": every user task of every process, when created, tells its candidate groups (units) and its candidate
 * users or assignee. A task addressed to the case's own applicant is not told here: the applicant's status message
 * (e.g. 补正) speaks for it. Built into every user task by {@link NewTaskNoticePlugin}.
 */
@Component
class NewTaskNotices implements TaskListener {

    private final Notices notices;
    private final CaseDescriptions descriptions;
    private final CaseOfProcess cases;
    private final EnterpriseRegister register;

    NewTaskNotices(Notices notices, CaseDescriptions descriptions, CaseOfProcess cases, EnterpriseRegister register) {
        this.notices = notices;
        this.descriptions = descriptions;
        this.cases = cases;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        CaseRecord caseRecord = caseOf(task).orElse(null);
        Set<Recipient> recipients = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                recipients.add(Recipient.unit(link.getGroupId()));
            } else if (link.getUserId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                recipients.add(Recipient.user(link.getUserId()));
            }
        }
        if (task.getAssignee() != null) {
            recipients.add(Recipient.user(task.getAssignee()));
        }
        recipients.removeIf(r -> r.kind() == Recipient.Kind.USER && isApplicant(r.id(), caseRecord));
        if (recipients.isEmpty()) {
            return;
        }
        // the step's name in the model: casefile.TaskNames adds the case number, applicant and amount to the task's;
        // read from the parsed activity, not the model's element, which the engine looks up in the model's DOM
        String modelName = task.getExecution() == null ? null : task.getExecution().getCurrentActivityName();
        Label step = CaseDescriptions.step(modelName != null ? modelName : task.getName());
        Label about = caseRecord == null ? processOf(task) : descriptions.of(caseRecord);
        Label title = Label.of("新任务：" + step.zh() + (caseRecord == null ? "" : " " + caseRecord.getCaseNumber()),
                "New task: " + step.en() + (caseRecord == null ? "" : " " + caseRecord.getCaseNumber()));
        Label body = Label.of(about.zh() + "进入“" + step.zh() + "”步骤，请在任务列表中办理。",
                about.en() + " has reached the step \"" + step.en() + "\"; please act on it in the Tasklist.");
        for (Recipient recipient : recipients) {
            notices.post(NoticeKind.NEW_TASK, recipient, caseRecord, title, body, Notices.taskLink(task.getId()));
        }
    }

    /** The case of the task's process: the case of the root of its call hierarchy (the engine's root instance id). */
    private Optional<CaseRecord> caseOf(DelegateTask task) {
        return task.getExecution() == null ? Optional.empty() : cases.ofRootProcessInstance(CaseOfProcess.rootIdOf(task.getExecution()));
    }

    /** A task outside any case (e.g. a settlement's payments): its process by name, and business key when it has one. */
    private static Label processOf(DelegateTask task) {
        // the engine's own entity, not RepositoryService: that would check the acting user's authorizations
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        Label name = CaseDescriptions.step(execution == null ? null : execution.getProcessDefinition().getName());
        String key = execution == null ? null : execution.getProcessBusinessKey();
        String suffix = key == null ? "" : " " + key;
        return Label.of("流程“" + name.zh() + "”" + suffix, "process \"" + name.en() + "\"" + suffix);
    }

    private boolean isApplicant(String userId, CaseRecord caseRecord) {
        return caseRecord != null && caseRecord.getEnterpriseId() != null && register.actsFor(userId, caseRecord.getEnterpriseId());
    }
}
