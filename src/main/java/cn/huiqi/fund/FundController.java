package cn.huiqi.fund;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The fund's figures for staff (see {@link FundAccess}): per pool cap, reserved, committed, paid, remaining;
 * per locality totals; and the ledger's self-check. Amounts are JSON numbers in CNY with two decimals.
 */
@RestController
@RequestMapping("/api/fund")
public class FundController {

    private final FundFigures figures;
    private final FundPools pools;
    private final FundAccess access;
    private final CurrentCaller currentCaller;

    public FundController(FundFigures figures, FundAccess access, CurrentCaller currentCaller, FundPools pools) {
        this.figures = figures;
        this.pools = pools;
        this.access = access;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/pools")
    @Operation(summary = "资金池 Pools",
            description = "PACKAGE（政策资金总额）与各付款措施的资金池（见 /api/measures）：额度、已预留、已核定、已拨付、剩余。 The package fund and the pools of the paying measures.")
    public List<PoolBalance> pools() {
        access.requireReader(currentCaller.get());
        return figures.balances();
    }

    @GetMapping("/localities")
    @Operation(summary = "各属地合计 Totals per locality",
            description = "按案件属地汇总（可选 measure=有资金池的措施）。 Totals per locality unit of the cases, optionally of one paying measure.")
    public List<LocalityTotals> localities(@RequestParam(required = false) String measure) {
        access.requireReader(currentCaller.get());
        if (measure != null && !pools.isMeasurePool(measure)) {
            String known = String.join(", ", pools.measures());
            throw new InvalidInputException("measure", "措施须为有资金池的措施之一：" + known, "The measure must be one with a fund pool: " + known);
        }
        return figures.localities(measure);
    }

    @GetMapping("/check")
    @Operation(summary = "台账自检 Ledger check",
            description = "每个资金池的存储余额与分录合计是否一致、是否未超额度。 Stored running balance vs. sums of entries, and within cap.")
    public List<PoolCheck> check() {
        access.requireReader(currentCaller.get());
        return figures.check();
    }
}
