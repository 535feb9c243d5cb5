package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.huiqi.common.Label;
import cn.huiqi.fund.SettlementRule;

/** One settlement round of a measure: who got what, the notice period, the disbursement batch. */
@Entity
@Table(name = "settlement")
public class Settlement {

    public enum Status {
        /** Shares decided and recorded as lines; the money and the cases move in short jobs, a few cases each. */
        SETTLING(Label.of("核定中", "Being settled")),
        NOTICE(Label.of("公示中", "Public notice")),
        DISBURSEMENT(Label.of("待拨付", "Disbursement")),
        CLOSED(Label.of("已办结", "Closed"));

        private final Label label;

        Status(Label label) {
            this.label = label;
        }

        public Label label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String measure;
    @Enumerated(EnumType.STRING)
    @Column(name = "rule_name")
    private SettlementRule rule;
    private BigDecimal available;
    private BigDecimal asked;
    private BigDecimal granted;
    private BigDecimal remainder;
    private boolean scaled;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Column(name = "notice_ended_at")
    private Instant noticeEndedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "notice_first_day")
    private LocalDate noticeFirstDay;
    @Column(name = "notice_last_day")
    private LocalDate noticeLastDay;

    protected Settlement() {
    }

    Settlement(String measure, Allocation.Result result, String processInstanceId, String startedBy) {
        this.measure = measure;
        this.rule = result.rule();
        this.available = result.available();
        this.asked = result.asked();
        this.granted = result.granted();
        this.remainder = result.remainder();
        this.scaled = result.scaled();
        this.status = Status.SETTLING;
        this.processInstanceId = processInstanceId;
        this.startedBy = startedBy;
        this.settledAt = Instant.now();
    }

    /** Every case is announced: the public notice runs from {@code notice.firstDay()} to {@code notice.lastDay()}. */
    void announce(PublicNotice.Period notice) {
        this.status = Status.NOTICE;
        this.noticeFirstDay = notice.firstDay();
        this.noticeLastDay = notice.lastDay();
    }

    void endNotice() {
        this.status = Status.DISBURSEMENT;
        this.noticeEndedAt = Instant.now();
    }

    void close() {
        this.status = Status.CLOSED;
        this.closedAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getMeasure() { return measure; }
    public SettlementRule getRule() { return rule; }
    public BigDecimal getAvailable() { return available; }
    public BigDecimal getAsked() { return asked; }
    public BigDecimal getGranted() { return granted; }
    public BigDecimal getRemainder() { return remainder; }
    public boolean isScaled() { return scaled; }
    public Status getStatus() { return status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getStartedBy() { return startedBy; }
    public Instant getSettledAt() { return settledAt; }
    public Instant getNoticeEndedAt() { return noticeEndedAt; }
    public Instant getClosedAt() { return closedAt; }
    public LocalDate getNoticeFirstDay() { return noticeFirstDay; }
    public LocalDate getNoticeLastDay() { return noticeLastDay; }
}
