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

import cn.huiqi.common.Label;

/** One in-site message to one {@link Recipient}; never changed once written (read marks live in {@link InboxRead}). */
@Entity
@Table(name = "inbox_message")
class InboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private NoticeKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    private Recipient.Kind recipientKind;
    @Column(name = "recipient_id")
    private String recipientId;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "title_zh")
    private String titleZh;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "body_zh")
    private String bodyZh;
    @Column(name = "body_en")
    private String bodyEn;
    private String link;
    @Column(name = "created_at")
    private Instant createdAt;

    protected InboxMessage() {
    }

    InboxMessage(NoticeKind kind, Recipient recipient, Long caseId, String caseNumber, Label title, Label body, String link) {
        this.kind = kind;
        this.recipientKind = recipient.kind();
        this.recipientId = recipient.id();
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.titleZh = cut(title.zh(), 200);
        this.titleEn = cut(title.en(), 300);
        this.bodyZh = cut(body.zh(), 1000);
        this.bodyEn = cut(body.en(), 1500);
        this.link = link;
        this.createdAt = Instant.now();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    Long getId() { return id; }
    NoticeKind getKind() { return kind; }
    Recipient recipient() { return new Recipient(recipientKind, recipientId); }
    Long getCaseId() { return caseId; }
    String getCaseNumber() { return caseNumber; }
    Label title() { return Label.of(titleZh, titleEn); }
    Label body() { return Label.of(bodyZh, bodyEn); }
    String getLink() { return link; }
    Instant getCreatedAt() { return createdAt; }
}
