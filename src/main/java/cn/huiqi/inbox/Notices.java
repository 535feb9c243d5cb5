package cn.huiqi.inbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.common.Label;

/** Writes messages, in the transaction of the step that caused them (none without one), and offers them to SMS. */
@Service
class Notices {

    private final InboxMessageRepository messages;
    private final SmsOutbox sms;

    Notices(InboxMessageRepository messages, SmsOutbox sms) {
        this.messages = messages;
        this.sms = sms;
    }

    /**
     * A message to an enterprise is written at once (its SMS names it by id); one to a login or a unit is written with
     * the transaction's other messages as it commits (InboxMessageRepository#append).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void post(NoticeKind kind, Recipient recipient, CaseRecord caseRecord, Label title, Label body, String link) {
        InboxMessage message = new InboxMessage(kind, recipient, caseRecord == null ? null : caseRecord.getId(),
                caseRecord == null ? null : caseRecord.getCaseNumber(), title, body, link);
        if (recipient.kind() == Recipient.Kind.ENTERPRISE) {
            sms.offer(messages.save(message), Long.parseLong(recipient.id()));
        } else {
            messages.append(message);
        }
    }

    /** The case page (status in words, timeline, what waits, withdrawal), for the enterprise and the units alike. */
    static String caseLink(CaseRecord caseRecord) {
        return "case.html?n=" + caseRecord.getCaseNumber();
    }

    /** Tasklist, opened on the task. */
    static String taskLink(String taskId) {
        return taskId == null ? "camunda/app/tasklist/" : "camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
