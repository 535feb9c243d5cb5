package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.ConflictException;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.FundPools;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.process.EngineAsSystem;

/**
 * Decides a settlement round of a measure: who gets what. One short transaction under the measure's pool
 * locks, so two starts for one measure are serialized: the second finds the first being settled (409
 * naming it), and a measure with nothing awaiting settlement gets no settlement at all (409). It writes
 * the settlement and one line per case, and no money: the ledger moves case by case afterwards
 * ({@link SettlementRun}), in short jobs. Until they are done the settlement is {@code SETTLING}, and a
 * city approval of the measure meanwhile reserves nothing ({@link FundReservation}), so the room shared
 * here stays free for these cases.
 */
@Service
public class SettlementAllocation {

    private final CaseRecordRepository cases;
    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;
    private final FundLedger ledger;
    private final RuntimeService runtimeService;
    private final RewardClaims claims;
    private final EngineAsSystem engineAsSystem;

    public SettlementAllocation(CaseRecordRepository cases, SettlementRepository settlements, SettlementLineRepository lines,
                                FundLedger ledger, RuntimeService runtimeService, EngineAsSystem engineAsSystem,
                                RewardClaims claims) {
        this.claims = claims;
        this.cases = cases;
        this.settlements = settlements;
        this.lines = lines;
        this.ledger = ledger;
        this.runtimeService = runtimeService;
        this.engineAsSystem = engineAsSystem;
    }

    /** Starts process fund-settlement for a measure and decides its shares, or refuses (409) and starts nothing. */
    @Transactional
    public Settlement start(String measure, String actor) {
        String processInstanceId = engineAsSystem.call(() -> runtimeService.startProcessInstanceByKey(
                SettlementController.PROCESS_KEY, Map.of("measure", measure, "settlementStarter", actor)).getId());
        return allocate(measure, processInstanceId, actor);
    }

    @Transactional
    public Settlement allocate(String measure, String processInstanceId, String actor) {
        ledger.lockPools(measure); // every settlement start and every ledger write of the measure waits from here
        settlements.findFirstByMeasureAndStatusOrderByIdDesc(measure, Settlement.Status.SETTLING).ifPresent(running -> {
            throw new ConflictException("measure", "措施 " + measure + " 的第 " + running.getId() + " 批结算正在核定中，请待其完成后再发起",
                    "Settlement " + running.getId() + " of " + measure + " is being settled; start another one when it is done");
        });
        List<CaseRecord> waiting = cases.findByMeasureAndStatusOrderBySubmittedAtAsc(measure, RewardStatus.AWAITING_SETTLEMENT.name());
        if (waiting.isEmpty()) {
            String[] latest = settlements.findFirstByMeasureOrderByIdDesc(measure)
                    .map(s -> new String[]{"（最近一批：第 " + s.getId() + " 批，" + s.getStatus().label().zh() + "）",
                            " (latest: settlement " + s.getId() + ", " + s.getStatus().label().en() + ")"})
                    .orElse(new String[]{"", ""});
            throw new ConflictException("measure", "措施 " + measure + " 没有待结算的案件，未发起结算" + latest[0],
                    "No case of " + measure + " is awaiting settlement; no settlement was started" + latest[1]);
        }
        List<String> flagged = waiting.stream().filter(c -> c.getFlag() != null).map(CaseRecord::getCaseNumber).toList();
        if (!flagged.isEmpty()) {
            throw new ConflictException("measure", "措施 " + measure + " 有待市工信局处理的标记案件（" + String.join("、", flagged)
                    + "），处理后再发起结算", measure + " has cases flagged for the lead bureau's decision (" + String.join(", ", flagged)
                    + "); decide on them before settling");
        }
        // cases holding a reservation first: their commits release what scaling takes off, which the
        // cases without a reservation then reserve
        Map<Long, BigDecimal> reserved = new LinkedHashMap<>();
        waiting.forEach(c -> reserved.put(c.getId(), ledger.ofCase(c.getId()).reserved()));
        List<Allocation.Claim> asked = waiting.stream()
                .map(c -> new Allocation.Claim(c.getId(), claims.of(c).getRewardAmount(), c.getSubmittedAt())).toList();
        Allocation.Result result = Allocation.allocate(ledger.settlementRule(measure), asked, available(measure, reserved));
        Settlement settlement = settlements.insert(new Settlement(measure, result, processInstanceId, actor));
        List<SettlementLine> allocated = new ArrayList<>();
        for (boolean holdingReservation : new boolean[]{true, false}) {
            for (Allocation.Share share : result.shares()) {
                if ((reserved.get(share.caseId()).signum() > 0) == holdingReservation) {
                    allocated.add(new SettlementLine(settlement.getId(), share, actor));
                }
            }
        }
        lines.insertAll(allocated);
        return settlement;
    }

    /**
     * What this settlement may share: the measure pool's and the package fund's room, counting the
     * reservations these very cases hold (they are about to be committed or released).
     */
    private BigDecimal available(String measure, Map<Long, BigDecimal> reservedByTheseCases) {
        BigDecimal heldByThese = reservedByTheseCases.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pool = room(ledger.balance(measure), heldByThese);
        BigDecimal pkg = room(ledger.balance(FundPools.PACKAGE), heldByThese);
        return pool.min(pkg).max(BigDecimal.ZERO);
    }

    private static BigDecimal room(PoolBalance balance, BigDecimal heldByThese) {
        return balance.cap().subtract(balance.committed()).subtract(balance.paid())
                .subtract(balance.reserved().subtract(heldByThese));
    }
}
