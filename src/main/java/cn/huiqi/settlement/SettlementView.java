package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A settlement and its lines as the API and the page show them. */
public record SettlementView(long id, String measure, String rule, String ruleZh, String ruleEn, BigDecimal available,
                             BigDecimal asked, BigDecimal granted, BigDecimal remainder, boolean scaled, String status,
                             String statusZh, String statusEn, String startedBy, Instant settledAt, Instant noticeEndedAt,
                             Instant closedAt, List<Line> lines) {

    public record Line(String caseNumber, String enterpriseName, String uscc, String localityUnit, String bankName,
                       String bankAccount, BigDecimal asked, BigDecimal granted, String status, String statusZh,
                       String statusEn, String paymentReference, LocalDate paymentDate, String failureReason) {
    }
}
