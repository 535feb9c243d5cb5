package cn.huiqi.inbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.Label;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;

/** A caller's own messages: listed, counted and marked read; any other id is "not found" (ids do not leak). */
@Service
class Inbox {

    static final int MAX_PAGE_SIZE = 100;

    private final InboxMessageRepository messages;
    private final InboxReadRepository reads;
    private final Audience audience;

    Inbox(InboxMessageRepository messages, InboxReadRepository reads, Audience audience) {
        this.messages = messages;
        this.reads = reads;
        this.audience = audience;
    }

    record MessageView(long id, String kind, Label kindLabel, String caseNumber, Label title, Label body, String link,
                       Instant createdAt, boolean read) {
    }

    record PageView(List<MessageView> items, int page, int size, long total, long unread) {
    }

    @Transactional(readOnly = true)
    PageView page(Caller caller, boolean unreadOnly, int page, int size) {
        Audience.Of who = audience.of(caller);
        InboxMessageRepository.Found found = unreadOnly ? messages.mineUnread(who.user(), who.units(), who.enterprises(), page, size)
                : messages.mine(who.user(), who.units(), who.enterprises(), page, size);
        List<Long> ids = found.items().stream().map(InboxMessage::getId).toList();
        // an unread-only page has no read marks, and its total is the unread count
        Set<Long> read = ids.isEmpty() || unreadOnly ? Set.of() : new HashSet<>(messages.readAmong(who.user(), ids));
        List<MessageView> items = found.items().stream().map(m -> new MessageView(m.getId(), m.getKind().name(),
                m.getKind().label(), m.getCaseNumber(), m.title(), m.body(), m.getLink(), m.getCreatedAt(),
                read.contains(m.getId()))).toList();
        return new PageView(items, page, size, found.total(),
                unreadOnly ? found.total() : messages.countUnread(who.user(), who.units(), who.enterprises()));
    }

    @Transactional(readOnly = true)
    long unread(Caller caller) {
        Audience.Of who = audience.of(caller);
        return messages.countUnread(who.user(), who.units(), who.enterprises());
    }

    @Transactional
    void markRead(Caller caller, long id) {
        Audience.Of who = audience.of(caller);
        if (!messages.isMine(id, who.user(), who.units(), who.enterprises())) {
            throw notFound(id);
        }
        reads.insert(new InboxRead(id, who.user())); // false: read already, as asked
    }

    @Transactional
    /** Marks the caller's unread messages up to message {@code upTo} (the newest it has seen) read. */
    int markAllRead(Caller caller, long upTo) {
        Audience.Of who = audience.of(caller);
        List<Long> unread = messages.unreadIds(who.user(), who.units(), who.enterprises()).stream().filter(id -> id <= upTo).toList();
        reads.insertAll(unread.stream().map(id -> new InboxRead(id, who.user())).toList());
        return unread.size();
    }

    static void checkPaging(int page, int size) {
        FieldChecks checks = new FieldChecks();
        if (page < 0 || page > 100_000) {
            checks.add("page", "page 应为 0 至 100000 的整数", "page must be a whole number from 0 to 100000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            checks.add("size", "size 应为 1 至 " + MAX_PAGE_SIZE + " 的整数", "size must be a whole number from 1 to " + MAX_PAGE_SIZE);
        }
        checks.throwIfAny();
    }

    static NotFoundException notFound(Object id) {
        return new NotFoundException("id", "没有编号为 " + id + " 的消息", "There is no message " + id);
    }
}
