package cn.huiqi.board;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import cn.huiqi.calendar.WorkingDays;

/**
 * One case as the board counts it (a row of {@code board_case}): where it stands, when it first entered each stage,
 * the working days each stage took and its money. {@link #enter} is the one rule that moves it, for a live event and
 * for the replay of a timeline alike.
 */
final class BoardCase {

    /** How the board counts a case. */
    enum Outcome { OPEN, APPROVED, PAID, REJECTED, WITHDRAWN, CLOSED }

    static final String LOCALITY_VERIFICATION = "LOCALITY_VERIFICATION";
    static final String CITY_REVIEW = "CITY_REVIEW";
    static final String AWAITING_SETTLEMENT = "AWAITING_SETTLEMENT";
    static final String PUBLIC_NOTICE = "PUBLIC_NOTICE";
    static final String DISBURSEMENT = "DISBURSEMENT";
    static final String PAID = "PAID";
    private static final java.util.Set<String> REJECTED = java.util.Set.of("REJECTED", "NOT_ELIGIBLE", "DECLINED");
    private static final java.util.Set<String> WITHDRAWN = java.util.Set.of("WITHDRAWN");
    /** Approved and not yet paid (an objection upheld during the notice takes a case back to review: no longer approved). */
    private static final java.util.Set<String> APPROVED = java.util.Set.of(AWAITING_SETTLEMENT, PUBLIC_NOTICE, DISBURSEMENT);

    long caseId;
    String caseNumber;
    String measure;
    String locality;
    String status;
    Outcome outcome = Outcome.OPEN;
    Instant submittedAt;
    Instant localityAt;
    Instant cityAt;
    Instant approvedAt;
    Instant noticeAt;
    Instant disbursementAt;
    Instant paidAt;
    Instant closedAt;
    Integer localityDays;
    Integer cityDays;
    Integer noticeDays;
    Integer paymentDays;
    Integer approvalToPaymentDays;
    Integer endToEndDays;
    BigDecimal approvedAmount;
    BigDecimal paidAmount;
    boolean everOverdue;
    /** The stored row's {@code row_token} when this copy was read or written (BoardRows guards its updates by it). */
    long rowToken;

    BoardCase(long caseId, String caseNumber, String measure, String locality, String status, Instant submittedAt) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.measure = measure;
        this.locality = locality;
        this.status = status;
        this.submittedAt = submittedAt;
    }

    /**
     * The case entered {@code newStatus} at {@code at}; {@code isFinal}: its measure's lifecycle ends there. A stage's
     * time is the first entry (a case sent back for 补正 stays in its stage: the supplement time counts to it).
     */
    void enter(String newStatus, boolean isFinal, Instant at, WorkingDays days) {
        status = newStatus;
        switch (newStatus) {
            case LOCALITY_VERIFICATION -> localityAt = first(localityAt, at);
            case CITY_REVIEW -> {
                cityAt = first(cityAt, at);
                localityDays = between(days, localityAt, cityAt);
            }
            case AWAITING_SETTLEMENT -> {
                approvedAt = first(approvedAt, at);
                cityDays = between(days, cityAt, approvedAt);
            }
            case PUBLIC_NOTICE -> noticeAt = first(noticeAt, at);
            case DISBURSEMENT -> {
                disbursementAt = first(disbursementAt, at);
                noticeDays = between(days, noticeAt, disbursementAt);
            }
            case PAID -> {
                paidAt = first(paidAt, at);
                paymentDays = between(days, disbursementAt, paidAt);
                approvalToPaymentDays = between(days, approvedAt, paidAt);
            }
            default -> {
            }
        }
        if (REJECTED.contains(newStatus)) {
            // the stage that decided it ends here
            if (cityAt != null && cityDays == null) {
                cityDays = between(days, cityAt, at);
            } else if (localityAt != null && cityAt == null && localityDays == null) {
                localityDays = between(days, localityAt, at);
            }
        }
        outcome = PAID.equals(newStatus) ? Outcome.PAID
                : REJECTED.contains(newStatus) ? Outcome.REJECTED
                : WITHDRAWN.contains(newStatus) ? Outcome.WITHDRAWN
                : isFinal ? Outcome.CLOSED
                : APPROVED.contains(newStatus) ? Outcome.APPROVED
                : Outcome.OPEN;
        if (isFinal) {
            closedAt = first(closedAt, at);
            endToEndDays = between(days, submittedAt, closedAt);
        }
    }

    BoardCase copy() {
        BoardCase c = new BoardCase(caseId, caseNumber, measure, locality, status, submittedAt);
        c.outcome = outcome;
        c.localityAt = localityAt;
        c.cityAt = cityAt;
        c.approvedAt = approvedAt;
        c.noticeAt = noticeAt;
        c.disbursementAt = disbursementAt;
        c.paidAt = paidAt;
        c.closedAt = closedAt;
        c.localityDays = localityDays;
        c.cityDays = cityDays;
        c.noticeDays = noticeDays;
        c.paymentDays = paymentDays;
        c.approvalToPaymentDays = approvalToPaymentDays;
        c.endToEndDays = endToEndDays;
        c.approvedAmount = approvedAmount;
        c.paidAmount = paidAmount;
        c.everOverdue = everOverdue;
        c.rowToken = rowToken;
        return c;
    }

    boolean approved() {
        return approvedAt != null;
    }

    /** Monday of the week (Asia/Shanghai) of an instant, or null. */
    static LocalDate weekOf(Instant at) {
        return at == null ? null : at.atZone(WorkingDays.CHINA).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Instant first(Instant known, Instant at) {
        return known != null ? known : at;
    }

    private static Integer between(WorkingDays days, Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return days.workingDaysBetween(from.atZone(WorkingDays.CHINA).toLocalDate(), to.atZone(WorkingDays.CHINA).toLocalDate());
    }
}
