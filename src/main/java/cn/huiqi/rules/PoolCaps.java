package cn.huiqi.rules;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.fund.FundPools;

/**
 * The pool cap of a measure, as the fund ledger ({@code cn.huiqi.fund}) has it: {@code huiqi.fund.caps.Mx},
 * else the cap the measure's declaration states (M1: 洪府办发〔2023〕81号 第1条 "总奖励金额不超过500万元"), else
 * 0.00 = "not set yet". Without the fund module the declaration's cap applies.
 */
@Component
class PoolCaps {

    private final ObjectProvider<FundPools> fund;
    private final MeasureCatalogue catalogue;

    PoolCaps(ObjectProvider<FundPools> fund, MeasureCatalogue catalogue) {
        this.fund = fund;
        this.catalogue = catalogue;
    }

    /** The cap, or empty when none is set for this measure (or it pays nothing). */
    Optional<BigDecimal> of(String measure) {
        FundPools pools = fund.getIfAvailable();
        BigDecimal cap;
        if (pools != null) {
            cap = pools.isMeasurePool(measure) ? pools.capOf(measure) : null;
        } else {
            cap = catalogue.find(measure).flatMap(Measure::policyPoolCap).orElse(null);
        }
        return cap == null || cap.signum() <= 0 ? Optional.empty() : Optional.of(cap.setScale(2));
    }

    String source() {
        return fund.getIfAvailable() != null ? "huiqi.fund.caps (cn.huiqi.fund)" : "洪府办发〔2023〕81号 (the measure's declaration)";
    }
}
