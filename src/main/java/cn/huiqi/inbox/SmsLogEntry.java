package cn.huiqi.inbox;

import java.time.Instant;

/**
 * One SMS of a message: queued with the message, then sent or failed after the step committed
 * ({@link SmsLogRepository#sent}, {@link SmsLogRepository#failed}), or skipped.
 */
class SmsLogEntry {

    enum Status { QUEUED, SENT, FAILED, SKIPPED }

    private Long id;
    private final Long messageId;
    private final Long enterpriseId;
    private final String phoneMasked;
    private final String content;
    private final String provider;
    private final Status status;
    private final String detail;
    private final Instant createdAt;
    private final Instant sentAt;

    /** A row as read. */
    SmsLogEntry(long id, Long messageId, Long enterpriseId, String phoneMasked, String content, String provider, Status status,
                String detail, Instant createdAt, Instant sentAt) {
        this.id = id;
        this.messageId = messageId;
        this.enterpriseId = enterpriseId;
        this.phoneMasked = phoneMasked;
        this.content = content;
        this.provider = provider;
        this.status = status;
        this.detail = detail;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
    }

    SmsLogEntry(Long messageId, Long enterpriseId, String phoneMasked, String content, String provider, Status status,
                String detail) {
        this.messageId = messageId;
        this.enterpriseId = enterpriseId;
        this.phoneMasked = phoneMasked;
        this.content = content;
        this.provider = provider;
        this.status = status;
        this.detail = detail;
        this.createdAt = Instant.now();
        this.sentAt = null;
    }

    /** The detail of a failed send as stored: at most the column's 500 characters. */
    static String failureDetail(String why) {
        return why == null ? null : why.length() > 500 ? why.substring(0, 500) : why;
    }

    /** The id the database gave the row at insert. */
    void setId(long id) {
        this.id = id;
    }

    Long getId() { return id; }
    Long getMessageId() { return messageId; }
    Long getEnterpriseId() { return enterpriseId; }
    String getPhoneMasked() { return phoneMasked; }
    String getContent() { return content; }
    String getProvider() { return provider; }
    Status getStatus() { return status; }
    String getDetail() { return detail; }
    Instant getCreatedAt() { return createdAt; }
    Instant getSentAt() { return sentAt; }
}
