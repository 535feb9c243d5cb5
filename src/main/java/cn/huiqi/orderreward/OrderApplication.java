package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Measure 1 application: one per enterprise, listing the orders it signed in 2023-07..09 and put into
 * execution (签订…并落地实施). Orders are fixed when the application is submitted.
 */
public record OrderApplication(List<Line> orders) {

    public record Line(int lineNo, String counterparty, String contractNumber, LocalDate signingDate,
                       BigDecimal orderAmount, String executionEvidence) {

        /** What makes two spellings of one contract number the same contract (full-width, spaces, case). */
        public String contractKey() {
            return ContractNumbers.key(contractNumber);
        }
    }
}
