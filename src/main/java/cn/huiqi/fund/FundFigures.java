package cn.huiqi.fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.NotFoundException;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The read side of the ledger: pool balances and locality totals DERIVED from the entries (the truth),
 * and {@link #check()}, which compares them with the pool rows' stored running balances.
 */
@Component
@Transactional(readOnly = true)
public class FundFigures {

    private final FundEntryRepository entries;
    private final FundPoolRepository pools;
    private final UnitRepository units;
    private final FundPools fundPools;

    public FundFigures(FundEntryRepository entries, FundPoolRepository pools, UnitRepository units, FundPools fundPools) {
        this.entries = entries;
        this.pools = pools;
        this.units = units;
        this.fundPools = fundPools;
    }

    /** Figures per pool id (PACKAGE = the sum of all measure pools), from the sums of entries. */
    public Map<String, Figures> derived() {
        return derive(fundPools.all(), entries.totalsByPool());
    }

    /** poolIds: PACKAGE and the measure pools, each with figures (zero without entries); rows: [poolId, kind, releasedFrom, sum]. */
    static Map<String, Figures> derive(List<String> poolIds, List<Object[]> rows) {
        Map<String, Figures> figures = new HashMap<>();
        for (String id : poolIds) {
            figures.put(id, Figures.ZERO);
        }
        for (Object[] row : rows) {
            String poolId = (String) row[0];
            FundEntry.Kind kind = (FundEntry.Kind) row[1];
            FundEntry.Source from = (FundEntry.Source) row[2];
            BigDecimal sum = (BigDecimal) row[3];
            figures.merge(poolId, Figures.ZERO.plus(kind, from, sum), Figures::plus);
            figures.merge(FundPools.PACKAGE, Figures.ZERO.plus(kind, from, sum), Figures::plus);
        }
        return figures;
    }

    public List<PoolBalance> balances() {
        Map<String, Figures> derived = derived();
        List<String> poolIds = fundPools.all();
        List<FundPool> rows = pools.findAllByOrderBySortOrderAsc().stream().filter(p -> poolIds.contains(p.getId())).toList();
        BigDecimal packageRemaining = rows.stream().filter(p -> p.getId().equals(FundPools.PACKAGE)).findFirst()
                .map(p -> p.getCap().subtract(derived.get(FundPools.PACKAGE).used())).orElse(BigDecimal.ZERO);
        List<PoolBalance> balances = new ArrayList<>();
        for (FundPool pool : rows) {
            Figures f = derived.getOrDefault(pool.getId(), Figures.ZERO);
            BigDecimal remaining = pool.getCap().subtract(f.used());
            boolean isPackage = pool.getId().equals(FundPools.PACKAGE);
            BigDecimal available = isPackage ? remaining : remaining.min(packageRemaining).max(BigDecimal.ZERO.setScale(2));
            balances.add(new PoolBalance(pool.getId(), pool.getNameZh(), pool.getNameEn(), pool.getCap(), f.reserved(),
                    f.committed(), f.paid(), remaining, available, pool.getCap().signum() > 0,
                    isPackage ? null : fundPools.ruleOf(pool.getId())));
        }
        return balances;
    }

    public PoolBalance balance(String poolId) {
        return balances().stream().filter(b -> b.id().equals(poolId)).findFirst()
                .orElseThrow(() -> new NotFoundException("poolId", "资金池 " + poolId + " 不存在", "Pool " + poolId + " does not exist"));
    }

    /**
     * Totals per locality unit (all 13, zeros included) of the cases' money, optionally of one measure
     * pool only.
     */
    public List<LocalityTotals> localities(String poolId) {
        List<Object[]> sums = poolId == null ? entries.totalsByLocality() : entries.totalsByLocality(poolId);
        List<Object[]> counts = poolId == null ? entries.casesByLocality() : entries.casesByLocality(poolId);
        Map<String, Figures> figures = new HashMap<>();
        for (Object[] row : sums) {
            figures.merge((String) row[0], Figures.ZERO.plus((FundEntry.Kind) row[1], (FundEntry.Source) row[2],
                    (BigDecimal) row[3]), Figures::plus);
        }
        Map<String, Long> cases = new HashMap<>();
        for (Object[] row : counts) {
            cases.put((String) row[0], ((Number) row[1]).longValue());
        }
        List<LocalityTotals> totals = new ArrayList<>();
        for (Unit unit : units.findAll().stream().filter(Unit::isLocality)
                .sorted(java.util.Comparator.comparingInt(Unit::getSortOrder)).toList()) {
            Figures f = figures.getOrDefault(unit.getId(), Figures.ZERO);
            totals.add(new LocalityTotals(unit.getId(), unit.getNameZh(), unit.getNameEn(),
                    cases.getOrDefault(unit.getId(), 0L), f.reserved(), f.committed(), f.paid()));
        }
        return totals;
    }

    /**
     * Stored running balance vs. sums of entries, per pool, and reserved + committed + paid ≤ cap. Every
     * row must be consistent and within its cap; anything else is a defect to investigate.
     */
    public List<PoolCheck> check() {
        Map<String, Figures> derived = derived();
        List<PoolCheck> checks = new ArrayList<>();
        for (FundPool pool : pools.findAllByOrderBySortOrderAsc()) {
            Figures stored = new Figures(pool.getReserved(), pool.getCommitted(), pool.getPaid());
            Figures d = derived.getOrDefault(pool.getId(), Figures.ZERO);
            checks.add(new PoolCheck(pool.getId(), stored, d, stored.sameAs(d),
                    d.used().compareTo(pool.getCap()) <= 0 && stored.used().compareTo(pool.getCap()) <= 0));
        }
        return checks;
    }
}
