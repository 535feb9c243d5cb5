package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The outcome of {@link FundLedger#pay}: the case's whole commitment paid under {@code reference}.
 * {@code repeated}: this payment (same case, same reference) was already recorded, nothing new was written.
 */
public record Payment(long caseId, String poolId, BigDecimal amount, String reference, LocalDate date, boolean repeated) {
}
