package cn.huiqi.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.EnterpriseNotice;

/** Writes the messages measures address to a case's enterprise ({@link EnterpriseNotice}), e.g. measure 8's take-ups and offers. */
@Component
class EnterpriseNotices {

    private final Notices notices;

    EnterpriseNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(EnterpriseNotice notice) {
        if (notice.caseRecord().getEnterpriseId() == null) {
            return;
        }
        notices.post(NoticeKind.valueOf(notice.kind()), Recipient.enterprise(notice.caseRecord().getEnterpriseId()),
                notice.caseRecord(), notice.title(), notice.body(), "financing.html?n=" + notice.caseRecord().getCaseNumber());
    }
}
