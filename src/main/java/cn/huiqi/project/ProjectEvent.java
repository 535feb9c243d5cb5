package cn.huiqi.project;

import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a project's audit trail: who changed what, when (and why, for report corrections). */
@Entity
@Table(name = "project_event")
class ProjectEvent {

    public static final String PROJECT_CREATED = "PROJECT_CREATED";
    public static final String PROJECT_UPDATED = "PROJECT_UPDATED";
    public static final String REPORT_CREATED = "REPORT_CREATED";
    public static final String REPORT_CORRECTED = "REPORT_CORRECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "project_id")
    private Long projectId;
    @Column(name = "report_month")
    @Convert(converter = YearMonthColumn.class)
    private YearMonth reportMonth;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String action;
    private String detail;

    protected ProjectEvent() {
    }

    ProjectEvent(Long projectId, YearMonth reportMonth, String actor, String action, String detail) {
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
