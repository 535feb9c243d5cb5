package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A settlement and its lines as the API and the page show them. {@code notice}: its public notice (公示) once the
 * cases are announced, null before.
 */
public record SettlementView(long id, String measure, String rule, String ruleZh, String ruleEn, BigDecimal available,
                             BigDecimal asked, BigDecimal granted, BigDecimal remainder, boolean scaled, String status,
                             String statusZh, String statusEn, String startedBy, Instant settledAt, Instant noticeEndedAt,
                             Instant closedAt, Notice notice, List<Line> lines) {

    /**
     * The notice period, both days inclusive, ending at 24:00 Asia/Shanghai of {@code lastDay}; where to object
     * ({@code objectionContactZh/En}, a labelled default until staff set it) and how the lead bureau records an objection.
     */
    public record Notice(LocalDate firstDay, LocalDate lastDay, int workingDays, Instant endsAt, String objectionContactZh,
                         String objectionContactEn, String objectionPath) {
    }

    /** {@code provisional}: the decided reward is at a labelled default rate awaiting policy staff (claim.ProvisionalRates). */
    public record Line(String caseNumber, String enterpriseName, String uscc, String localityUnit, String bankName,
                       String bankAccount, BigDecimal asked, BigDecimal granted, String status, String statusZh,
                       String statusEn, String paymentReference, LocalDate paymentDate, String failureReason, boolean provisional,
                       String provisionalZh, String provisionalEn) {
    }
}
