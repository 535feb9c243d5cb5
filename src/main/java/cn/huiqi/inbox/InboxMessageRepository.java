package cn.huiqi.inbox;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * A caller's messages: those to its login, to one of its units (groups) and to an enterprise it acts for. Every
 * query takes the three lists, never a message id alone, so nothing outside them is ever read.
 */
interface InboxMessageRepository extends JpaRepository<InboxMessage, Long> {

    String MINE = "((m.recipientKind = cn.huiqi.inbox.Recipient.Kind.USER and m.recipientId = :user)"
            + " or (m.recipientKind = cn.huiqi.inbox.Recipient.Kind.UNIT and m.recipientId in :units)"
            + " or (m.recipientKind = cn.huiqi.inbox.Recipient.Kind.ENTERPRISE and m.recipientId in :enterprises))";
    String UNREAD = " and not exists (select r from InboxRead r where r.messageId = m.id and r.userId = :user)";

    @Query(value = "select m from InboxMessage m where " + MINE + " order by m.createdAt desc, m.id desc",
            countQuery = "select count(m) from InboxMessage m where " + MINE)
    Page<InboxMessage> mine(@Param("user") String user, @Param("units") Collection<String> units,
                            @Param("enterprises") Collection<String> enterprises, Pageable page);

    @Query(value = "select m from InboxMessage m where " + MINE + UNREAD + " order by m.createdAt desc, m.id desc",
            countQuery = "select count(m) from InboxMessage m where " + MINE + UNREAD)
    Page<InboxMessage> mineUnread(@Param("user") String user, @Param("units") Collection<String> units,
                                  @Param("enterprises") Collection<String> enterprises, Pageable page);

    @Query("select count(m) from InboxMessage m where " + MINE + UNREAD)
    long countUnread(@Param("user") String user, @Param("units") Collection<String> units,
                     @Param("enterprises") Collection<String> enterprises);

    @Query("select m.id from InboxMessage m where " + MINE + UNREAD)
    List<Long> unreadIds(@Param("user") String user, @Param("units") Collection<String> units,
                         @Param("enterprises") Collection<String> enterprises);

    @Query("select count(m) > 0 from InboxMessage m where m.id = :id and " + MINE)
    boolean isMine(@Param("id") long id, @Param("user") String user, @Param("units") Collection<String> units,
                   @Param("enterprises") Collection<String> enterprises);

    /** The read marks of the caller among these messages. */
    @Query("select r.messageId from InboxRead r where r.userId = :user and r.messageId in :ids")
    List<Long> readAmong(@Param("user") String user, @Param("ids") Collection<Long> ids);

    List<InboxMessage> findByCaseIdOrderByIdAsc(Long caseId);
}
