package cn.huiqi.casefile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of a case's timeline: who did what, when (table case_event, {@link CaseEventRepository}). */
public class CaseEvent {

    private Long id;
    private Long caseId;
    private Instant occurredAt;
    private String actor;
    private String action;
    private String detail;

    public CaseEvent(Long caseId, String actor, String action, String detail) {
        this.caseId = caseId;
        // as occurred_at (DATETIME(6)) keeps it: a line the transaction holds reads as its row does
        this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }

    /** A row of case_event. */
    CaseEvent(long id, Long caseId, Instant occurredAt, String actor, String action, String detail) {
        this(caseId, actor, action, detail);
        this.id = id;
        this.occurredAt = occurredAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getDetail() { return detail; }
}
