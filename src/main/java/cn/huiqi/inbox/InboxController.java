package cn.huiqi.inbox;

import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's messages (any role; each sees only messages to itself, its units and its enterprises). */
@RestController
@RequestMapping("/api/inbox")
@Tag(name = "站内消息 Inbox", description = "我的消息、未读数、标为已读 / My messages, the unread count, marking read")
class InboxController {

    private final Inbox inbox;
    private final CurrentCaller currentCaller;

    InboxController(Inbox inbox, CurrentCaller currentCaller) {
        this.inbox = inbox;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @Operation(summary = "我的消息（最新在前，分页；unread=true 只看未读）/ My messages, newest first, paged; unread=true for unread only")
    Inbox.PageView list(@RequestParam(name = "unread", required = false) String unread,
                        @RequestParam(name = "page", defaultValue = "0") int page,
                        @RequestParam(name = "size", defaultValue = "20") int size) {
        if (unread != null && !unread.equals("true") && !unread.equals("false")) {
            throw new InvalidInputException("unread", "unread 只能为 true 或 false", "unread must be true or false");
        }
        Inbox.checkPaging(page, size);
        return inbox.page(currentCaller.get(), "true".equals(unread), page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "未读消息数 / The number of my unread messages")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unread(currentCaller.get()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "标为已读（他人的消息：404）/ Mark one of my messages read (anyone else's: 404)")
    void markRead(@PathVariable long id) {
        try {
            inbox.markRead(currentCaller.get(), id);
        } catch (DataIntegrityViolationException concurrentMark) {
            // the same user marked it read at the same moment (a double click): it is read, as asked
        }
    }

    /** {@code upTo}: the newest message id the reader has seen; a message that arrived after it stays unread. */
    record ReadAllRequest(Object upTo) {
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标为已读（截至 upTo：已看到的最新消息编号）/ Mark all my messages read, up to the newest one seen (upTo)")
    Map<String, Integer> markAllRead(@RequestBody ReadAllRequest request) {
        long upTo = upTo(request);
        try {
            return Map.of("marked", inbox.markAllRead(currentCaller.get(), upTo));
        } catch (DataIntegrityViolationException concurrentMark) {
            // another request of the same user marked some of them meanwhile: once more marks the rest
            return Map.of("marked", inbox.markAllRead(currentCaller.get(), upTo));
        }
    }

    private static long upTo(ReadAllRequest request) {
        Object raw = request == null ? null : request.upTo();
        if (raw instanceof Integer id && id > 0) {
            return id;
        }
        throw new InvalidInputException("upTo", "upTo 须为已看到的最新消息编号（1 至 2147483647 的整数）",
                "upTo must be the id of the newest message seen (a whole number from 1 to 2147483647)");
    }
}
