package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One industrial investment project of the library (项目库). Money is exact (DECIMAL(17,2)). The
 * status is derived from the actual dates (see {@link ProjectStatus}) whenever the project changes.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "locality_unit_id")
    private String localityUnitId;
    private String name;
    @Column(name = "project_type")
    @Convert(converter = ProjectType.Column.class)
    private ProjectType type;
    @Column(name = "planned_total_investment")
    private BigDecimal plannedTotalInvestment;
    @Column(name = "planned_equipment_investment")
    private BigDecimal plannedEquipmentInvestment;
    @Column(name = "planned_start")
    private LocalDate plannedStart;
    @Column(name = "planned_completion")
    private LocalDate plannedCompletion;
    @Column(name = "actual_start")
    private LocalDate actualStart;
    @Column(name = "actual_completion")
    private LocalDate actualCompletion;
    private boolean major;
    @Enumerated(EnumType.STRING)
    private ProjectStatus status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Project() {
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
