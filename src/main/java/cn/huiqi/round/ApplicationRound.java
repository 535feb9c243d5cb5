package cn.huiqi.round;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One application round (申报批次) of a measure: the performance it rewards and the period in which it
 * takes applications, calendar dates in Asia/Shanghai, both ends inclusive. Its status is derived from
 * the dates and an early closure ({@link #statusOn}).
 */
@Entity
@Table(name = "application_round")
public class ApplicationRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String measure;
    private String name;
    @Column(name = "performance_from")
    private LocalDate performanceFrom;
    @Column(name = "performance_to")
    private LocalDate performanceTo;
    @Column(name = "opens_on")
    private LocalDate opensOn;
    @Column(name = "closes_on")
    private LocalDate closesOn;
    @Column(name = "closed_early_at")
    private Instant closedEarlyAt;
    @Column(name = "closed_early_by")
    private String closedEarlyBy;
    private String note;
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

    protected ApplicationRound() {
    }

    ApplicationRound(String measure, String name, LocalDate performanceFrom, LocalDate performanceTo, LocalDate opensOn,
                     LocalDate closesOn, String note, String actor, Instant now) {
        this.measure = measure;
        this.name = name;
        this.performanceFrom = performanceFrom;
        this.performanceTo = performanceTo;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.note = note;
        this.createdBy = actor;
        this.createdAt = now;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    public RoundStatus statusOn(LocalDate today) {
        if (closedEarlyAt != null || today.isAfter(closesOn)) {
            return RoundStatus.CLOSED;
        }
        return today.isBefore(opensOn) ? RoundStatus.PLANNED : RoundStatus.OPEN;
    }

    /** Whether the application periods of the two rounds share a day (an early closure ends a period). */
    boolean overlaps(LocalDate opens, LocalDate closes) {
        return closedEarlyAt == null && !opens.isAfter(closesOn) && !closes.isBefore(opensOn);
    }

    void extendTo(LocalDate newClosesOn, String actor, Instant now) {
        this.closesOn = newClosesOn;
        touch(actor, now);
    }

    void closeEarly(String actor, Instant now) {
        this.closedEarlyAt = now;
        this.closedEarlyBy = actor;
        touch(actor, now);
    }

    private void touch(String actor, Instant now) {
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getMeasure() { return measure; }
    public String getName() { return name; }
    public LocalDate getPerformanceFrom() { return performanceFrom; }
    public LocalDate getPerformanceTo() { return performanceTo; }
    public LocalDate getOpensOn() { return opensOn; }
    public LocalDate getClosesOn() { return closesOn; }
    public Instant getClosedEarlyAt() { return closedEarlyAt; }
    public String getClosedEarlyBy() { return closedEarlyBy; }
    public String getNote() { return note; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRowVersion() { return rowVersion; }
}
