package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Measure 1 application: an order signed in 2023-07..09 and put into execution (签订…并落地实施). */
public record OrderApplication(String counterparty, String contractNumber, LocalDate signingDate,
                               BigDecimal orderAmount, String executionEvidence) {
}
