package cn.huiqi.round;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One application round (申报批次) of a measure: the performance it rewards and the period in which it
 * takes applications, calendar dates in Asia/Shanghai, both ends inclusive. Its status is derived from
 * the dates and an early closure ({@link #statusOn}). Table application_round (V11); {@code row_version} guards its updates
 * ({@link RoundRepository#update}).
 */
public class ApplicationRound {

    private Long id;
    private String measure;
    private String name;
    private LocalDate performanceFrom;
    private LocalDate performanceTo;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private Instant closedEarlyAt;
    private String closedEarlyBy;
    private String note;
    private String createdBy;
    private Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;
    private long rowVersion;

    private ApplicationRound() {
    }

    /** A stored row. */
    static ApplicationRound of(long id, String measure, String name, LocalDate performanceFrom, LocalDate performanceTo, LocalDate opensOn,
                               LocalDate closesOn, Instant closedEarlyAt, String closedEarlyBy, String note, String createdBy,
                               Instant createdAt, String updatedBy, Instant updatedAt, long rowVersion) {
        ApplicationRound round = new ApplicationRound();
        round.id = id;
        round.measure = measure;
        round.name = name;
        round.performanceFrom = performanceFrom;
        round.performanceTo = performanceTo;
        round.opensOn = opensOn;
        round.closesOn = closesOn;
        round.closedEarlyAt = closedEarlyAt;
        round.closedEarlyBy = closedEarlyBy;
        round.note = note;
        round.createdBy = createdBy;
        round.createdAt = createdAt;
        round.updatedBy = updatedBy;
        round.updatedAt = updatedAt;
        round.rowVersion = rowVersion;
        return round;
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

    void stored(long id) {
        this.id = id;
    }

    /** After an update of the row: its version is one up. */
    void updated() {
        this.rowVersion++;
    }

    // extendTo and closeEarly change the object only: RoundRepository#update writes them

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
