package cn.huiqi.inbox;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user has read a message; no row means unread. */
@Entity
@Table(name = "inbox_read")
@IdClass(InboxRead.Key.class)
class InboxRead {

    static class Key implements Serializable {
        private Long messageId;
        private String userId;

        Key() {
        }

        Key(Long messageId, String userId) {
            this.messageId = messageId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(messageId, k.messageId) && java.util.Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(messageId, userId);
        }
    }

    @Id
    @Column(name = "message_id")
    private Long messageId;
    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(name = "read_at")
    private Instant readAt;

    protected InboxRead() {
    }

    InboxRead(Long messageId, String userId) {
        this.messageId = messageId;
        this.userId = userId;
        this.readAt = Instant.now();
    }
}
