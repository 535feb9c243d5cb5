package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A monthly report with the amounts of that month alone (difference to the previous report) and the
 * progress at its month end.
 */
record ReportView(
        long projectId,
        YearMonth month,
        BigDecimal cumulativeInvestment,
        BigDecimal cumulativeEquipmentInvestment,
        BigDecimal investmentSincePreviousReport,
        BigDecimal equipmentSincePreviousReport,
        BigDecimal progress,
        String note,
        String reportedBy,
        Instant reportedAt,
        String correctedBy,
        Instant correctedAt) {
}
