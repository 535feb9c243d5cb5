package cn.huiqi.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SMS of a message: queued with the message, then sent or failed after the step committed, or skipped. */
@Entity
@Table(name = "sms_log")
class SmsLogEntry {

    enum Status { QUEUED, SENT, FAILED, SKIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "message_id")
    private Long messageId;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "phone_masked")
    private String phoneMasked;
    private String content;
    private String provider;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String detail;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected SmsLogEntry() {
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
    }

    void sent() {
        this.status = Status.SENT;
        this.sentAt = Instant.now();
    }

    void failed(String why) {
        this.status = Status.FAILED;
        this.detail = why == null ? null : why.length() > 500 ? why.substring(0, 500) : why;
    }

    Long getId() { return id; }
    Long getMessageId() { return messageId; }
    Long getEnterpriseId() { return enterpriseId; }
    String getPhoneMasked() { return phoneMasked; }
    String getContent() { return content; }
    String getProvider() { return provider; }
    Status getStatus() { return status; }
    String getDetail() { return detail; }
    Instant getSentAt() { return sentAt; }
}
