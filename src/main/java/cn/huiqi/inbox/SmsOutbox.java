package cn.huiqi.inbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.enterprise.EnterpriseRepository;

/**
 * The SMS channel: a message of a configured kind to an enterprise is queued (sms_log, in the step's transaction)
 * to the mobile number of the enterprise's register entry and handed to the gateway only after that transaction
 * committed, so a rolled-back step sends nothing. Settings: {@code huiqi.sms.provider} (the gateway, default
 * {@code log}) and {@code huiqi.sms.kinds} (default: the enterprise kinds).
 */
@Component
class SmsOutbox {

    static final Set<NoticeKind> ENTERPRISE_KINDS = EnumSet.of(NoticeKind.SUPPLEMENT_REQUESTED,
            NoticeKind.SUPPLEMENT_DEADLINE_NEAR, NoticeKind.PUBLIC_NOTICE, NoticeKind.PAID, NoticeKind.REJECTED,
            NoticeKind.WITHDRAWN);
    private static final Logger log = LoggerFactory.getLogger(SmsOutbox.class);

    /** Queued in a step's transaction, sent after it commits. */
    record Queued(long logId, String phone, String text) {
    }

    private final SmsGateway gateway;
    private final Set<NoticeKind> kinds;
    private final EnterpriseRepository enterprises;
    private final SmsLogRepository smsLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    SmsOutbox(List<SmsGateway> gateways, @Value("${huiqi.sms.provider:log}") String provider,
              @Value("${huiqi.sms.kinds:SUPPLEMENT_REQUESTED,SUPPLEMENT_DEADLINE_NEAR,PUBLIC_NOTICE,PAID,REJECTED,WITHDRAWN}") List<String> kinds,
              EnterpriseRepository enterprises, SmsLogRepository smsLog, ApplicationEventPublisher events,
              PlatformTransactionManager transactions) {
        this.gateway = gateways.stream().filter(g -> g.provider().equals(provider.strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException("huiqi.sms.provider '" + provider + "' names no SmsGateway; known: "
                        + gateways.stream().map(SmsGateway::provider).sorted().toList()));
        this.kinds = kinds.stream().map(String::strip).filter(k -> !k.isEmpty()).map(SmsOutbox::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NoticeKind.class)));
        this.enterprises = enterprises;
        this.smsLog = smsLog;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static NoticeKind kind(String name) {
        try {
            return NoticeKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("huiqi.sms.kinds: unknown kind '" + name + "'; known: " + List.of(NoticeKind.values()), e);
        }
    }

    /** Queues the SMS of an enterprise's message when its kind goes by SMS (in the caller's transaction). */
    void offer(InboxMessage message, long enterpriseId) {
        if (!kinds.contains(message.getKind())) {
            return;
        }
        String text = "【惠企】" + message.title().zh()
                + (message.getCaseNumber() == null ? "" : "（案件 " + message.getCaseNumber() + "）") + "，详情请登录惠企系统查看。";
        String registered = enterprises.findById(enterpriseId).map(e -> e.getContactPhone()).orElse(null);
        var mobile = MobileNumbers.mobile(registered);
        if (mobile.isEmpty()) {
            smsLog.save(new SmsLogEntry(message.getId(), enterpriseId, registered == null ? null : MobileNumbers.mask(registered),
                    text, gateway.provider(), SmsLogEntry.Status.SKIPPED,
                    "登记的联系电话不是手机号码，未发送 / the registered contact number is no mobile number; not sent"));
            return;
        }
        SmsLogEntry entry = smsLog.save(new SmsLogEntry(message.getId(), enterpriseId, MobileNumbers.mask(mobile.get()), text,
                gateway.provider(), SmsLogEntry.Status.QUEUED, null));
        events.publishEvent(new Queued(entry.getId(), mobile.get(), text));
    }

    @TransactionalEventListener
    void send(Queued queued) {
        String failure = null;
        try {
            gateway.send(queued.phone(), queued.text());
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("SMS {} to {} failed: {}", queued.logId(), MobileNumbers.mask(queued.phone()), failure);
        }
        String why = failure;
        // after the step's commit its transaction's connection is still bound: the outcome needs a transaction of its own
        ownTransaction.executeWithoutResult(status -> {
            if (why == null) {
                smsLog.sent(queued.logId(), java.time.Instant.now());
            } else {
                smsLog.failed(queued.logId(), why);
            }
        });
    }
}
