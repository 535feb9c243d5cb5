package cn.huiqi.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.Money;
import cn.huiqi.fund.CaseFunds;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.Reservation;
import cn.huiqi.round.Rounds;
import cn.huiqi.settlement.Settlement;
import cn.huiqi.settlement.SettlementRepository;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;

/**
 * A version published "for this round too" (docs/rounds.md): the round is re-pinned and every case of the
 * round decided by the table and not yet paid is decided again by the published version, in the publishing
 * transaction, each with a timeline line and a row in case_reevaluation. What happens depends on where
 * the case stands:
 * <ul>
 * <li>in review (locality verification, supplement, city review): the new decision is recorded, as an
 * explicit re-evaluation would;</li>
 * <li>approved and waiting for settlement: the new decision is recorded and the fund reservation follows it
 * through the ledger (a lower amount releases the difference; a higher one releases and reserves the new
 * amount, which the pool may not hold: then the settlement reserves, as for any case approved on a full pool);</li>
 * <li>a case that would lose eligibility keeps its recorded decision and is flagged for the lead bureau (its
 * process path cannot change retroactively): a flagged case is not approved in city review, nor settled,
 * before gxj decides;</li>
 * <li>a case the table found not eligible (its process has ended) records the new version when it stays not
 * eligible; one that would now be eligible is flagged for gxj (an ended case is not reopened here);</li>
 * <li>settled cases (public notice, disbursement) keep their settled amount (the notice is published; a
 * change goes through an objection) and get a timeline line saying so; paid, rejected and not funded cases
 * are not touched.</li>
 * </ul>
 */
@Component
class RoundRedecision {

    private static final Set<RewardStatus> IN_REVIEW = RulesService.REEVALUABLE;
    private static final Set<RewardStatus> SETTLED = EnumSet.of(RewardStatus.PUBLIC_NOTICE, RewardStatus.DISBURSEMENT);

    private final Rounds rounds;
    private final CaseRecordRepository cases;
    private final CaseInputs caseInputs;
    private final WhatIfRunner whatIf;
    private final CaseTimeline timeline;
    private final PublicationLog log;
    private final FundLedger ledger;
    private final SettlementRepository settlements;
    private final CaseFormFigures formFigures;
    private final RewardClaims claims;

    RoundRedecision(Rounds rounds, CaseRecordRepository cases, CaseInputs caseInputs, WhatIfRunner whatIf, CaseTimeline timeline,
                    PublicationLog log, FundLedger ledger, SettlementRepository settlements, CaseFormFigures formFigures, RewardClaims claims) {
        this.claims = claims;
        this.rounds = rounds;
        this.cases = cases;
        this.caseInputs = caseInputs;
        this.whatIf = whatIf;
        this.timeline = timeline;
        this.log = log;
        this.ledger = ledger;
        this.settlements = settlements;
        this.formFigures = formFigures;
    }

    List<RuleApi.RedecisionLine> redecide(Rounds.OpenRound round, String key, DmnDecision decision, RuleRepository.Version published, String note,
                            String actor) {
        // the ledger's order: lock the measure's pools first, so no settlement starts meanwhile, then look
        ledger.lockPools(round.measure());
        settlements.findFirstByMeasureAndStatusOrderByIdDesc(round.measure(), Settlement.Status.SETTLING).ifPresent(running -> {
            throw new ConflictException("scope", "措施 " + round.measure() + " 的第 " + running.getId()
                    + " 批结算正在核定中：请待其完成后再发布适用于本批次的版本，或选择下一批次起适用",
                    "Settlement " + running.getId() + " of " + round.measure() + " is being settled: publish for this round when it is done,"
                            + " or choose the next round");
        });
        List<CaseRecord> decided = cases.findAllById(rounds.caseIdsOf(round.id())).stream()
                .filter(c -> key.equals(claims.of(c).getDecisionKey()))
                .filter(c -> !c.is(RewardStatus.PAID) && !c.is(RewardStatus.REJECTED) && !c.is(RewardStatus.NOT_FUNDED)
                        && !c.is(RewardStatus.WITHDRAWN))
                .sorted(Comparator.comparing(CaseRecord::getId)).toList();
        Map<Long, Map<String, Object>> inputs = caseInputs.of(decided);
        String why = "第 " + published.version() + " 版发布时选择「本批次也适用」（" + round.name() + "）：" + note;
        List<RuleApi.RedecisionLine> lines = new ArrayList<>();
        for (CaseRecord c : decided) {
            lines.add(redecide(c, key, whatIf.reward(decision, inputs.get(c.getId())), published, why, actor));
        }
        return lines;
    }

    private RuleApi.RedecisionLine redecide(CaseRecord c, String key, WhatIfRunner.Outcome outcome, RuleRepository.Version published, String why,
                              String actor) {
        if (outcome.error() != null) {
            throw new ConflictException("scope", "第 " + published.version() + " 版无法判定案件 " + c.getCaseNumber() + "：" + outcome.error(),
                    "Version " + published.version() + " cannot decide case " + c.getCaseNumber() + ": " + outcome.error());
        }
        RewardClaim claim = claims.of(c);
        BigDecimal oldAmount = claim.getRewardAmount() == null ? null : Money.fen(claim.getRewardAmount());
        Boolean oldEligible = claim.getEligible();
        String status = c.getStatus();
        String versions = key + " v" + claim.getDecisionVersion() + " → v" + published.version();
        if (SETTLED.contains(RewardStatus.valueOf(c.getStatus()))) {
            timeline.record(c, "ROUND_REDECISION_SETTLED", versions + "：案件已结算（" + RewardStatus.valueOf(c.getStatus()).zh() + "），按结算金额 "
                    + Money.format(claim.getSettledAmount()) + " 元办理，不重新认定；如需更正请走异议程序（" + why + "） / Already settled: the settled"
                    + " amount stands; a correction goes through an objection");
            return new RuleApi.RedecisionLine(c.getCaseNumber(), status, RuleApi.RedecisionResult.KEPT_SETTLED, oldAmount, oldAmount, oldEligible, oldEligible);
        }
        boolean wasEligible = Boolean.TRUE.equals(oldEligible);
        boolean nowEligible = Boolean.TRUE.equals(outcome.eligible());
        boolean processGoesOn = IN_REVIEW.contains(RewardStatus.valueOf(c.getStatus())) || c.is(RewardStatus.AWAITING_SETTLEMENT);
        if ((processGoesOn && wasEligible && !nowEligible) || (c.is(RewardStatus.NOT_ELIGIBLE) && nowEligible)) {
            String detail = nowEligible
                    ? "按第 " + published.version() + " 版符合条件（奖励 " + Money.format(outcome.amount()) + " 元），但案件已结束，须由市工信局处理"
                    : "按第 " + published.version() + " 版不再符合条件，须由市工信局处理（审核中驳回或保留）";
            if (c.getFlag() == null) {
                c.flag(detail);
                cases.save(c);
            }
            timeline.record(c, "ROUND_REDECISION_FLAGGED", versions + "：" + detail + "；认定结果暂不变（" + why + "） / Flagged for the lead"
                    + " bureau: under the new version the case would " + (nowEligible ? "be eligible, but it has ended" : "no longer be eligible"));
            return new RuleApi.RedecisionLine(c.getCaseNumber(), status, RuleApi.RedecisionResult.FLAGGED, oldAmount, outcome.amount(), oldEligible, nowEligible);
        }
        int oldVersion = claim.getDecisionVersion();
        String oldTier = claim.getRewardTier();
        BigDecimal newAmount = Money.fen(outcome.amount());
        claim.recordDecision(key, published.version(), published.definitionId(), nowEligible, newAmount, outcome.tier(),
                nowEligible ? null : claim.getOutcomeReason());
        claims.save(claim);
        String funds = c.is(RewardStatus.AWAITING_SETTLEMENT) ? followReservation(c, oldAmount, newAmount, actor) : "";
        timeline.record(c, "ROUND_REDECIDED", versions + "：本批次按新版本重新认定 " + (nowEligible
                ? Money.format(oldAmount) + " → " + Money.format(newAmount) + " 元"
                : "仍不符合条件") + funds + "（" + why + "） / Re-decided for the round by the new version"
                + (nowEligible ? ", CNY " + Money.format(oldAmount) + " → " + Money.format(newAmount) : ", still not eligible"));
        log.record(new PublicationLog.Reevaluation(0, c.getId(), key, oldVersion, published.version(), wasEligible, nowEligible,
                oldAmount == null ? Money.fen(BigDecimal.ZERO) : oldAmount, newAmount, oldTier, outcome.tier(), why, actor,
                Instant.now()));
        if (processGoesOn) {
            formFigures.update(c, published.version(), outcome);
        }
        boolean changed = wasEligible != nowEligible || oldAmount == null || oldAmount.compareTo(newAmount) != 0;
        return new RuleApi.RedecisionLine(c.getCaseNumber(), status, changed ? RuleApi.RedecisionResult.REDECIDED : RuleApi.RedecisionResult.UNCHANGED_VERSION_RECORDED, oldAmount,
                newAmount, oldEligible, nowEligible);
    }

    /** The reservation made at city approval follows the new amount, through the ledger's own operations. */
    private String followReservation(CaseRecord c, BigDecimal oldAmount, BigDecimal newAmount, String actor) {
        CaseFunds funds = ledger.ofCase(c.getId());
        if (funds.state() != CaseFunds.State.RESERVED) {
            return "；未预留资金，结算时按新金额处理 / nothing reserved: the settlement uses the new amount";
        }
        int compared = newAmount.compareTo(funds.reserved());
        if (compared == 0) {
            return "";
        }
        String reason = "本批次按新版本重新认定 / re-decided for the round";
        if (compared < 0) {
            ledger.release(c.getId(), funds.reserved().subtract(newAmount), reason, actor);
            return "；释放预留资金 " + Money.format(funds.reserved().subtract(newAmount)) + " 元";
        }
        ledger.releaseReservation(c.getId(), reason, actor);
        Reservation reservation = ledger.reserve(c.getMeasure(), c.getId(), newAmount, actor);
        return "；预留资金 " + Money.format(funds.reserved()) + " → " + (reservation.isReserved() ? Money.format(newAmount) + " 元"
                : "未预留（" + reservation.zh() + "），结算时按规则处理");
    }
}
