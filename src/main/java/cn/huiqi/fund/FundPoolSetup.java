package cn.huiqi.fund;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.Money;

/**
 * At start, writes the caps ({@link FundPools#capOf}: configured or the policy's) onto the pool rows of the
 * catalogue's paying measures, each row locked (a paying measure new to the catalogue gets its row here),
 * and then checks the ledger ({@link FundFigures#check()}). Refuses to start when the settings are wrong or
 * when a new cap would be below what the pool has already reserved, committed and paid: a cap is never
 * lowered beneath money already promised.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FundProperties.class)
public class FundPoolSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FundPoolSetup.class);

    private final FundPools pools;
    private final MeasureCatalogue catalogue;
    private final FundPoolRepository poolRows;
    private final TransactionTemplate transactions;
    private final FundFigures figures;

    public FundPoolSetup(FundPools pools, MeasureCatalogue catalogue, FundPoolRepository poolRows, TransactionTemplate transactions,
                         FundFigures figures) {
        this.pools = pools;
        this.catalogue = catalogue;
        this.poolRows = poolRows;
        this.transactions = transactions;
        this.figures = figures;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = pools.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid fund settings (huiqi.fund): " + String.join("; ", problems));
        }
        transactions.executeWithoutResult(status -> {
            for (String id : pools.all()) { // PACKAGE first: the ledger's lock order
                FundPool pool = poolRows.lock(id).orElse(null);
                if (pool == null) {
                    pool = newPool(id);
                }
                BigDecimal cap = Money.fen(pools.capOf(id));
                if (pool.getCap().compareTo(cap) != 0) {
                    if (pool.used().compareTo(cap) > 0) {
                        throw new IllegalStateException("Fund pool " + id + ": the configured cap " + cap.toPlainString()
                                + " is below what it already holds (reserved + committed + paid = " + pool.used().toPlainString()
                                + "); release money first or configure a cap of at least that");
                    }
                    log.info("Fund pool {}: cap {} -> {}", id, pool.getCap().toPlainString(), cap.toPlainString());
                    pool.changeCap(cap);
                    poolRows.updateCap(pool);
                }
            }
        });
        List<PoolCheck> checks = transactions.execute(status -> figures.check());
        checks.stream().filter(c -> !c.consistent() || !c.withinCap()).forEach(c -> log.error(
                "Fund pool {}: stored running balance {} differs from the entries {} or passes the cap", c.poolId(), c.stored(), c.derived()));
    }

    private FundPool newPool(String id) {
        if (FundPools.PACKAGE.equals(id)) {
            throw new IllegalStateException("fund pool PACKAGE is missing (migration V4__fund_ledger.sql)");
        }
        Measure measure = catalogue.require(id);
        FundPool pool = FundPool.empty(id, fit(measure.id() + " " + measure.name().zh(), 64),
                fit(measure.id() + ": " + measure.name().en(), 128), catalogue.all().indexOf(measure) + 1);
        poolRows.insert(pool);
        log.info("Fund pool {}: created for the paying measure {}", id, measure.name().both());
        return pool;
    }

    /** fund_pool.name_zh / name_en are VARCHAR(64) / (128) */
    private static String fit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
