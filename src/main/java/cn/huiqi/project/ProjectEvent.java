package cn.huiqi.project;

import java.time.Instant;
import java.time.YearMonth;

/** One line of a project's audit trail: who changed what, when (and why, for report corrections). Stored by {@link ProjectEventRepository}. */
class ProjectEvent {

    public static final String PROJECT_CREATED = "PROJECT_CREATED";
    public static final String PROJECT_UPDATED = "PROJECT_UPDATED";
    public static final String REPORT_CREATED = "REPORT_CREATED";
    public static final String REPORT_CORRECTED = "REPORT_CORRECTED";

    private final Long id;
    private final Long projectId;
    private final YearMonth reportMonth;
    private final Instant occurredAt;
    private final String actor;
    private final String action;
    private final String detail;

    /** A stored event, as read from its row. */
    ProjectEvent(Long id, Long projectId, YearMonth reportMonth, Instant occurredAt, String actor, String action, String detail) {
        this.id = id;
        this.projectId = projectId;
        this.reportMonth = reportMonth;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }

    /** A new event, not stored yet (events are inserted without reading their ids back: nobody needs them). */
    ProjectEvent(Long projectId, YearMonth reportMonth, String actor, String action, String detail) {
        this.id = null;
        this.projectId = projectId;
        this.reportMonth = reportMonth;
        this.occurredAt = Instant.now();
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public YearMonth getReportMonth() { return reportMonth; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getDetail() { return detail; }
}
