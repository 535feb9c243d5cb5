package cn.huiqi.inbox;

import java.time.Instant;

/** A user has read a message; no row means unread. The key is (message, user): a message is read once per user. */
class InboxRead {

    private final Long messageId;
    private final String userId;
    private final Instant readAt;

    InboxRead(Long messageId, String userId) {
        this.messageId = messageId;
        this.userId = userId;
        this.readAt = Instant.now();
    }

    Long getMessageId() { return messageId; }
    String getUserId() { return userId; }
    Instant getReadAt() { return readAt; }
}
