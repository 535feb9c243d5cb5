package cn.huiqi.fund;

import java.math.BigDecimal;

/**
 * The outcome of {@link FundLedger#commit}: {@code committed} is now the case's commitment (0.00 when the
 * settlement gave the case nothing: then all was released and the case is RELEASED); {@code released} is
 * the rest of the reservation released in the same call (the scaling remainder). {@code repeated}: the
 * case already had exactly this commitment, nothing new was written.
 */
public record Commitment(long caseId, String poolId, BigDecimal committed, BigDecimal released, boolean repeated,
                         CaseFunds funds) {
}
