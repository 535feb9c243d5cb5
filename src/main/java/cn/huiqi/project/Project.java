package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One industrial investment project of the library (项目库). Money is exact (DECIMAL(17,2)). The
 * status is derived from the actual dates (see {@link ProjectStatus}) whenever the project changes.
 * Stored by {@link ProjectRepository}, which checks {@code rowVersion} on every update.
 */
public class Project {

    private Long id;
    private final Long enterpriseId;
    private String localityUnitId;
    private String name;
    private ProjectType type;
    private BigDecimal plannedTotalInvestment;
    private BigDecimal plannedEquipmentInvestment;
    private LocalDate plannedStart;
    private LocalDate plannedCompletion;
    private LocalDate actualStart;
    private LocalDate actualCompletion;
    private boolean major;
    private ProjectStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;
    private long rowVersion;

    /** A stored project, as read from its row. */
    Project(Long id, Long enterpriseId, String localityUnitId, String name, ProjectType type, BigDecimal plannedTotalInvestment,
            BigDecimal plannedEquipmentInvestment, LocalDate plannedStart, LocalDate plannedCompletion, LocalDate actualStart,
            LocalDate actualCompletion, boolean major, ProjectStatus status, String createdBy, Instant createdAt, String updatedBy,
            Instant updatedAt, long rowVersion) {
        this.id = id;
        this.enterpriseId = enterpriseId;
        this.localityUnitId = localityUnitId;
        this.name = name;
        this.type = type;
        this.plannedTotalInvestment = plannedTotalInvestment;
        this.plannedEquipmentInvestment = plannedEquipmentInvestment;
        this.plannedStart = plannedStart;
        this.plannedCompletion = plannedCompletion;
        this.actualStart = actualStart;
        this.actualCompletion = actualCompletion;
        this.major = major;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
        this.rowVersion = rowVersion;
    }

    Project(Long enterpriseId, ProjectInput.Values values, String actor, LocalDate today) {
        this.enterpriseId = enterpriseId;
        this.createdBy = actor;
        this.createdAt = Instant.now();
        apply(values, actor, today);
    }

    final void apply(ProjectInput.Values v, String actor, LocalDate today) {
        this.localityUnitId = v.localityUnitId();
        this.name = v.name();
        this.type = v.type();
        this.plannedTotalInvestment = v.plannedTotalInvestment();
        this.plannedEquipmentInvestment = v.plannedEquipmentInvestment();
        this.plannedStart = v.plannedStart();
        this.plannedCompletion = v.plannedCompletion();
        this.actualStart = v.actualStart();
        this.actualCompletion = v.actualCompletion();
        this.major = v.major();
        this.status = ProjectStatus.on(actualStart, actualCompletion, today);
        this.updatedBy = actor;
        this.updatedAt = Instant.now();
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

    /** The status on a given day (e.g. a month end), from the actual dates. */
    public ProjectStatus statusOn(LocalDate day) {
        return ProjectStatus.on(actualStart, actualCompletion, day);
    }

    /** The day construction began or is planned to begin: the earlier of the actual and the planned start. */
    public LocalDate earliestStart() {
        return actualStart != null && actualStart.isBefore(plannedStart) ? actualStart : plannedStart;
    }

    public Long getId() { return id; }
    public Long getEnterpriseId() { return enterpriseId; }
    public String getLocalityUnitId() { return localityUnitId; }
    public String getName() { return name; }
    public ProjectType getType() { return type; }
    public BigDecimal getPlannedTotalInvestment() { return plannedTotalInvestment; }
    public BigDecimal getPlannedEquipmentInvestment() { return plannedEquipmentInvestment; }
    public LocalDate getPlannedStart() { return plannedStart; }
    public LocalDate getPlannedCompletion() { return plannedCompletion; }
    public LocalDate getActualStart() { return actualStart; }
    public LocalDate getActualCompletion() { return actualCompletion; }
    public boolean isMajor() { return major; }
    public ProjectStatus getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
