package cn.huiqi.inbox;

import java.time.Instant;

import cn.huiqi.common.Label;

/** One in-site message to one {@link Recipient}; never changed once written (read marks live in {@link InboxRead}). */
class InboxMessage {

    private Long id;
    private final NoticeKind kind;
    private final Recipient.Kind recipientKind;
    private final String recipientId;
    private final Long caseId;
    private final String caseNumber;
    private final String titleZh;
    private final String titleEn;
    private final String bodyZh;
    private final String bodyEn;
    private final String link;
    private final Instant createdAt;

    /** A row as read. */
    InboxMessage(long id, NoticeKind kind, Recipient recipient, Long caseId, String caseNumber, String titleZh, String titleEn,
                 String bodyZh, String bodyEn, String link, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.recipientKind = recipient.kind();
        this.recipientId = recipient.id();
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.bodyZh = bodyZh;
        this.bodyEn = bodyEn;
        this.link = link;
        this.createdAt = createdAt;
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

    /** The id the database gave the row at insert. */
    void setId(long id) {
        this.id = id;
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
