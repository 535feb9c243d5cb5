package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.huiqi.common.Label;
import cn.huiqi.fund.SettlementRule;

/** One settlement round of a measure: who got what, the notice period, the disbursement batch. Stored by {@link SettlementRepository}. */
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

    private Long id;
    private final String measure;
    private final SettlementRule rule;
    private final BigDecimal available;
    private final BigDecimal asked;
    private final BigDecimal granted;
    private final BigDecimal remainder;
    private final boolean scaled;
    private Status status;
    private final String processInstanceId;
    private final String startedBy;
    private final Instant settledAt;
    private Instant noticeEndedAt;
    private Instant closedAt;
    private LocalDate noticeFirstDay;
    private LocalDate noticeLastDay;

    /** A stored settlement, as read from its row. */
    Settlement(Long id, String measure, SettlementRule rule, BigDecimal available, BigDecimal asked, BigDecimal granted,
               BigDecimal remainder, boolean scaled, Status status, String processInstanceId, String startedBy, Instant settledAt,
               Instant noticeEndedAt, Instant closedAt, LocalDate noticeFirstDay, LocalDate noticeLastDay) {
        this.id = id;
        this.measure = measure;
        this.rule = rule;
        this.available = available;
        this.asked = asked;
        this.granted = granted;
        this.remainder = remainder;
        this.scaled = scaled;
        this.status = status;
        this.processInstanceId = processInstanceId;
        this.startedBy = startedBy;
        this.settledAt = settledAt;
        this.noticeEndedAt = noticeEndedAt;
        this.closedAt = closedAt;
        this.noticeFirstDay = noticeFirstDay;
        this.noticeLastDay = noticeLastDay;
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

    void assignId(long id) {
        this.id = id;
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
