package cn.huiqi.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.Applicant;
import cn.huiqi.casefile.CaseOpened;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseRewards;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.unit.UnitRepository;

/**
 * The reward claims: opened with the case of a measure that pays money (in the same transaction), read by
 * the review, the fund ledger, the settlement and the case views.
 */
@Component
public class RewardClaims implements CaseRewards {

    /**
     * A locality's award (measures 5 and 6) reaches its 财政局 as a budget allocation (资金指标下达), not a bank transfer:
     * the payment list says so; the allocation document number is the payment reference (docs/evaluation.md "Process").
     */
    static final String LOCALITY_ALLOCATION = "资金指标下达至地区财政局（无需银行账户，以下达文号为支付凭证） / budget allocation to the locality's finance bureau";

    private final RewardClaimRepository claims;
    private final CaseRecordRepository cases;
    private final MeasureCatalogue catalogue;
    private final EnterpriseRepository enterprises;
    private final UnitRepository units;
    private final ProvisionalRates provisionalRates;

    RewardClaims(RewardClaimRepository claims, CaseRecordRepository cases, MeasureCatalogue catalogue, EnterpriseRepository enterprises,
                 UnitRepository units, ProvisionalRates provisionalRates) {
        this.cases = cases;
        this.provisionalRates = provisionalRates;
        this.claims = claims;
        this.catalogue = catalogue;
        this.enterprises = enterprises;
        this.units = units;
    }

    @EventListener
    void opened(CaseOpened opened) {
        if (catalogue.require(opened.caseRecord().getMeasure()).paysMoney()) {
            open(opened.caseRecord(), opened.application().claimedAmount());
        }
    }

    /** Opens the claim of a case just opened: paid to the applying enterprise (also as a project's owner) or locality. */
    public RewardClaim open(CaseRecord caseRecord, BigDecimal claimedAmount) {
        Applicant applicant = caseRecord.getApplicant();
        RewardClaim claim = applicant.kind() == ApplicantKind.LOCALITY
                ? new RewardClaim(caseRecord.getId(), claimedAmount, RewardClaim.PayeeKind.LOCALITY, null, applicant.unitId())
                : new RewardClaim(caseRecord.getId(), claimedAmount, RewardClaim.PayeeKind.ENTERPRISE, applicant.enterpriseId(), null);
        claims.insert(claim);
        return claim;
    }

    /**
     * Writes what the claim's {@code record…} methods changed since it was read (nothing changed: no statement), and a
     * changed amount to its case's copy, the case list's sort key (case row first, then the claim's);
     * {@link org.springframework.dao.OptimisticLockingFailureException} when the row changed meanwhile.
     */
    public RewardClaim save(RewardClaim claim) {
        if (claim.changes().contains(RewardClaim.Change.REWARD_AMOUNT)) {
            cases.writeRewardAmount(claim.getCaseId(), claim.getRewardAmount());
        }
        claims.update(claim);
        return claim;
    }

    /** The claim of the case; IllegalStateException when its measure pays nothing (a programming error). */
    public RewardClaim of(CaseRecord caseRecord) {
        return claims.findById(caseRecord.getId()).orElseThrow(() -> new IllegalStateException(
                "case " + caseRecord.getCaseNumber() + " has no reward claim"));
    }

    public Optional<RewardClaim> find(long claimId) {
        return claims.findById(claimId);
    }

    /** The claim of this id, or a bilingual 404. */
    public RewardClaim get(long claimId) {
        return find(claimId).orElseThrow(() -> new NotFoundException("caseId", "案件 " + claimId + " 不存在",
                "Case " + claimId + " does not exist"));
    }

    /**
     * The measure (= fund pool) of the claim's case, empty when there is no such claim; from the claim and the case
     * when this transaction has read them already.
     */
    public Optional<String> measureOf(long claimId) {
        return claims.held(claimId) ? cases.findById(claimId).map(CaseRecord::getMeasure) : claims.measureOf(claimId);
    }

    public boolean exists(long claimId) {
        return claims.existsById(claimId);
    }

    /** Ids of the claims a decision decided, any version (version null) or one. */
    public List<Long> decidedBy(String decisionKey, Integer version) {
        return claims.decidedBy(decisionKey, version);
    }

    public Payee payeeOf(RewardClaim claim) {
        if (claim.getPayeeKind() == RewardClaim.PayeeKind.LOCALITY) {
            String name = units.findById(claim.getPayeeUnitId()).map(u -> u.getNameZh() + "（财政）").orElse(claim.getPayeeUnitId());
            return new Payee(claim.getPayeeKind(), name, claim.getPayeeUnitId(), LOCALITY_ALLOCATION, LOCALITY_ALLOCATION);
        }
        Enterprise e = enterprises.findById(claim.getPayeeEnterpriseId()).orElseThrow();
        return new Payee(claim.getPayeeKind(), e.getName(), e.getUscc(), e.getBankName(), e.getBankAccount());
    }

    @Override
    public Optional<CaseView.Reward> rewardOf(long caseId) {
        return find(caseId).map(c -> new CaseView.Reward(c.getClaimedAmount(), c.getEligible(), c.getRewardAmount(), c.getRewardTier(),
                c.getSettledAmount(),
                c.getDecisionKey() == null ? null
                        : new CaseView.DecisionRef(c.getDecisionKey(), c.getDecisionVersion(), c.getDecisionDefinitionId()),
                c.getOutcomeReason(),
                c.getPaymentReference() == null ? null : new CaseView.PaymentRef(c.getPaymentReference(), c.getPaymentDate()),
                c.getUpdatedAt(), provisionalRates.isProvisional(c) ? ProvisionalRates.LABEL : null));
    }
}
