package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The monthly progress report of one project (实物工作量): CUMULATIVE completed investment from the
 * project's beginning up to the end of the month (自开工累计完成投资), and of it the cumulative
 * production-equipment investment (其中设备投资). Monthly amounts are differences of consecutive
 * cumulative values. One report per project and month; corrections are audited in project_event.
 * Stored by {@link ProgressReportRepository}, which checks {@code rowVersion} on every update.
 */
class ProgressReport {

    private Long id;
    private final Long projectId;
    private final YearMonth month;
    private BigDecimal cumulativeInvestment;
    private BigDecimal cumulativeEquipment;
    private String note;
    private final String reportedBy;
    private final Instant reportedAt;
    private String correctedBy;
    private Instant correctedAt;
    private long rowVersion;

    /** A stored report, as read from its row. */
    ProgressReport(Long id, Long projectId, YearMonth month, BigDecimal cumulativeInvestment, BigDecimal cumulativeEquipment, String note,
                   String reportedBy, Instant reportedAt, String correctedBy, Instant correctedAt, long rowVersion) {
        this.id = id;
        this.projectId = projectId;
        this.month = month;
        this.cumulativeInvestment = cumulativeInvestment;
        this.cumulativeEquipment = cumulativeEquipment;
        this.note = note;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
        this.correctedBy = correctedBy;
        this.correctedAt = correctedAt;
        this.rowVersion = rowVersion;
    }

    /** For computations and tests: a report that is not stored. */
    public ProgressReport(Long projectId, YearMonth month, BigDecimal cumulativeInvestment, BigDecimal cumulativeEquipment,
                          String note, String reportedBy) {
        this.projectId = projectId;
        this.month = month;
        this.cumulativeInvestment = cumulativeInvestment;
        this.cumulativeEquipment = cumulativeEquipment;
        this.note = note;
        this.reportedBy = reportedBy;
        this.reportedAt = Instant.now();
    }

    void assignId(long id) {
        this.id = id;
    }

    long rowVersion() {
        return rowVersion;
    }

    /** The row was updated from {@link #rowVersion()}: it now holds the next version. */
    void versionWritten() {
        rowVersion++;
    }

    void correct(BigDecimal investment, BigDecimal equipment, String note, String actor) {
        this.cumulativeInvestment = investment;
        this.cumulativeEquipment = equipment;
        this.note = note;
        this.correctedBy = actor;
        this.correctedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public YearMonth getMonth() { return month; }
    public BigDecimal getCumulativeInvestment() { return cumulativeInvestment; }
    public BigDecimal getCumulativeEquipment() { return cumulativeEquipment; }
    public String getNote() { return note; }
    public String getReportedBy() { return reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
    public String getCorrectedBy() { return correctedBy; }
    public Instant getCorrectedAt() { return correctedAt; }
}
