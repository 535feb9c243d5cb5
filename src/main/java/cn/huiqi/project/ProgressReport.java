package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The monthly progress report of one project (实物工作量): CUMULATIVE completed investment from the
 * project's beginning up to the end of the month (自开工累计完成投资), and of it the cumulative
 * production-equipment investment (其中设备投资). Monthly amounts are differences of consecutive
 * cumulative values. One report per project and month; corrections are audited in project_event.
 */
@Entity
@Table(name = "project_report")
class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "project_id")
    private Long projectId;
    @Column(name = "report_month")
    @Convert(converter = YearMonthColumn.class)
    private YearMonth month;
    @Column(name = "cumulative_investment")
    private BigDecimal cumulativeInvestment;
    @Column(name = "cumulative_equipment")
    private BigDecimal cumulativeEquipment;
    private String note;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "corrected_by")
    private String correctedBy;
    @Column(name = "corrected_at")
    private Instant correctedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected ProgressReport() {
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
