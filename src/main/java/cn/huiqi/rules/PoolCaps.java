package cn.huiqi.rules;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.huiqi.fund.FundProperties;

/**
 * The pool cap of a measure, as the fund ledger ({@code cn.huiqi.fund}) is configured:
 * {@code huiqi.fund.caps.M1} (default 5,000,000.00, 洪府办发〔2023〕81号 第1条 "总奖励金额不超过500万元"), other
 * measures 0.00 = "not set yet". Without the fund module the policy's own figure for M1 applies.
 */
@Component
class PoolCaps {

    static final BigDecimal POLICY_M1_CAP = new BigDecimal("5000000.00");

    private final ObjectProvider<FundProperties> fund;

    PoolCaps(ObjectProvider<FundProperties> fund) {
        this.fund = fund;
    }

    /** The cap, or empty when none is set for this measure. */
    Optional<BigDecimal> of(String measure) {
        FundProperties properties = fund.getIfAvailable();
        BigDecimal cap = properties != null ? properties.capOf(measure) : ("M1".equals(measure) ? POLICY_M1_CAP : null);
        return cap == null || cap.signum() <= 0 ? Optional.empty() : Optional.of(cap.setScale(2));
    }

    String source() {
        return fund.getIfAvailable() != null ? "huiqi.fund.caps (cn.huiqi.fund)" : "洪府办发〔2023〕81号 (M1 only)";
    }
}
