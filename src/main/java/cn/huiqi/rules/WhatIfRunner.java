package cn.huiqi.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.Money;

/**
 * Runs a draft against every case decided so far (see docs/rules.md "What-if"):
 * <ul>
 * <li>reward tables: every case whose recorded decision key is this table, whatever version decided it;
 * "before" is what the case recorded, "after" what the draft decides from the rebuilt inputs
 * ({@link CaseInputs}). Totals count eligible amounts of cases not rejected in review (a rejected case
 * receives nothing whatever the table says); the pool check compares them with the measure's cap.</li>
 * <li>responsible-units: every case with assigned review units, and a row per measure of the catalogue (the
 * version in force against the draft).</li>
 * </ul>
 */
@Component
class WhatIfRunner {

    record Outcome(Boolean eligible, BigDecimal amount, String tier, String units, String error) {
    }

    record CaseResult(String caseNumber, String measure, String status, Integer decidedByVersion, Outcome before, Outcome after,
                      boolean changed, boolean countsTowardsTotal) {
    }

    record MeasureRow(String measure, String before, String after, boolean changed) {
    }

    record Figures(String measure, int casesEvaluated, int outcomesChanged, int errors, BigDecimal totalBefore,
                   BigDecimal totalAfter, BigDecimal poolCap, Boolean exceedsCapBefore, Boolean exceedsCapAfter,
                   List<CaseResult> cases, List<MeasureRow> measures) {
    }

    private final DraftDmnEngine engine;
    private final CaseRecordRepository cases;
    private final CaseInputs inputs;
    private final PoolCaps poolCaps;
    private final RewardClaims claims;
    private final MeasureCatalogue catalogue;
    private final RuleKinds kinds;

    WhatIfRunner(DraftDmnEngine engine, CaseRecordRepository cases, CaseInputs inputs, PoolCaps poolCaps, RewardClaims claims,
                 MeasureCatalogue catalogue, RuleKinds kinds) {
        this.engine = engine;
        this.cases = cases;
        this.inputs = inputs;
        this.poolCaps = poolCaps;
        this.claims = claims;
        this.catalogue = catalogue;
        this.kinds = kinds;
    }

    Figures run(String key, DmnModelInstance draft, DmnModelInstance current) {
        DmnDecision draftDecision = engine.get().parseDecision(key, draft);
        if (RuleKinds.isRouting(key)) {
            return routing(draftDecision, engine.get().parseDecision(key, current));
        }
        Optional<String> measure = kinds.measureOf(key);
        List<CaseRecord> decided = cases.findAllById(claims.decidedBy(key, null)).stream()
                .sorted(Comparator.comparing(CaseRecord::getId)).toList();
        Map<Long, Map<String, Object>> variables = inputs.of(decided);
        List<CaseResult> results = new ArrayList<>();
        BigDecimal before = Money.fen(BigDecimal.ZERO);
        BigDecimal after = Money.fen(BigDecimal.ZERO);
        int changed = 0;
        int errors = 0;
        for (CaseRecord c : decided) {
            RewardClaim claim = claims.of(c);
            Outcome was = new Outcome(claim.getEligible(), claim.getRewardAmount() == null ? null : Money.fen(claim.getRewardAmount()),
                    claim.getRewardTier(), null, null);
            Outcome now = reward(draftDecision, variables.get(c.getId()));
            boolean differs = now.error() != null || !Objects.equals(was.eligible(), now.eligible())
                    || !Money.sameAmount(was.amount(), now.amount()) || !Objects.equals(was.tier(), now.tier());
            boolean counts = !c.is(RewardStatus.REJECTED);
            if (counts) {
                before = before.add(Boolean.TRUE.equals(was.eligible()) && was.amount() != null ? was.amount() : BigDecimal.ZERO);
                after = after.add(Boolean.TRUE.equals(now.eligible()) && now.amount() != null ? now.amount() : BigDecimal.ZERO);
            }
            changed += differs ? 1 : 0;
            errors += now.error() != null ? 1 : 0;
            results.add(new CaseResult(c.getCaseNumber(), c.getMeasure(), c.getStatus(), claim.getDecisionVersion(), was, now,
                    differs, counts));
        }
        Optional<BigDecimal> cap = measure.flatMap(poolCaps::of);
        BigDecimal totalBefore = before;
        BigDecimal totalAfter = after;
        return new Figures(measure.orElse(null), results.size(), changed, errors, totalBefore, totalAfter, cap.orElse(null),
                cap.map(c -> totalBefore.compareTo(c) > 0).orElse(null),
                cap.map(c -> totalAfter.compareTo(c) > 0).orElse(null), results, List.of());
    }

    private Figures routing(DmnDecision draftDecision, DmnDecision currentDecision) {
        List<CaseRecord> assigned = cases.findAll().stream().filter(c -> !c.getReviewUnits().isEmpty())
                .sorted(Comparator.comparing(CaseRecord::getId)).toList();
        List<CaseResult> results = new ArrayList<>();
        int changed = 0;
        int errors = 0;
        for (CaseRecord c : assigned) {
            Outcome was = new Outcome(null, null, null, String.join(",", c.getReviewUnits()), null);
            Outcome now = units(draftDecision, c.getMeasure());
            boolean differs = now.error() != null || !Objects.equals(was.units(), now.units());
            changed += differs ? 1 : 0;
            errors += now.error() != null ? 1 : 0;
            results.add(new CaseResult(c.getCaseNumber(), c.getMeasure(), c.getStatus(), null, was, now, differs, false));
        }
        List<MeasureRow> rows = new ArrayList<>();
        for (String measure : catalogue.ids()) {
            String before = describe(currentDecision, measure);
            String after = describe(draftDecision, measure);
            rows.add(new MeasureRow(measure, before, after, !before.equals(after)));
            if (after.startsWith("!")) {
                errors++;
            }
        }
        return new Figures(null, results.size(), changed, errors, null, null, null, null, null, results, rows);
    }

    private String describe(DmnDecision decision, String measure) {
        try {
            DmnDecisionResult result = engine.get().evaluateDecision(decision, Map.of("measure", measure));
            if (result.size() != 1) {
                return "! " + result.size() + " 条规则命中 rules matched";
            }
            DmnDecisionResultEntries entries = result.getSingleResult();
            return "审核 review " + entries.get("reviewUnits") + " · 牵头 lead " + entries.get("leadUnit")
                    + " · 拨付 finance " + entries.get("financeUnit");
        } catch (RuntimeException e) {
            return "! " + DraftValidator.rootMessage(e);
        }
    }

    private Outcome units(DmnDecision decision, String measure) {
        try {
            DmnDecisionResult result = engine.get().evaluateDecision(decision, Map.of("measure", measure));
            if (result.size() != 1) {
                return new Outcome(null, null, null, null, result.size() + " 条规则命中（应为 1）/ " + result.size() + " rules matched (1 expected)");
            }
            Object units = result.getSingleResult().get("reviewUnits");
            return new Outcome(null, null, null, units == null ? "" : units.toString(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, null, null, null, DraftValidator.rootMessage(e));
        }
    }

    /** What {@code review.RewardDecisions} would record for this result. */
    Outcome reward(DmnDecision decision, Map<String, Object> variables) {
        return decide(decision, variables).outcome();
    }

    /** The outcome with the table's reason and the rules that matched (the application preview shows them). */
    record Decided(Outcome outcome, String reason, List<String> matchedRuleIds) {
    }

    Decided decide(DmnDecision decision, Map<String, Object> variables) {
        DraftDmnEngine.Matched<Object> evaluated = engine.matchedRules(() -> {
            try {
                return engine.get().evaluateDecision(decision, variables);
            } catch (RuntimeException e) {
                return e;
            }
        });
        if (evaluated.result() instanceof RuntimeException e) {
            return new Decided(new Outcome(null, null, null, null, DraftValidator.rootMessage(e)), null, evaluated.ruleIds());
        }
        DmnDecisionResult result = (DmnDecisionResult) evaluated.result();
        Object reason = result.size() == 1 ? result.getSingleResult().get("reason") : null;
        return new Decided(outcome(result), reason == null ? null : reason.toString(), evaluated.ruleIds());
    }

    private static Outcome outcome(DmnDecisionResult result) {
        if (result.size() != 1) {
            return new Outcome(null, null, null, null, result.size() == 0
                    ? "没有规则命中 / No rule matched"
                    : result.size() + " 条规则命中（应为 1）/ " + result.size() + " rules matched (1 expected)");
        }
        DmnDecisionResultEntries entries = result.getSingleResult();
        boolean eligible = Boolean.TRUE.equals(entries.get("eligible"));
        Object tier = entries.get("tier");
        if (!eligible) {
            return new Outcome(false, Money.fen(BigDecimal.ZERO), tier == null ? null : tier.toString(), null, null);
        }
        Object raw = entries.get("rewardAmount");
        if (raw == null) {
            return new Outcome(true, null, tier == null ? null : tier.toString(), null, "符合条件但没有奖励金额 / Eligible without a reward amount");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(raw.toString());
        } catch (NumberFormatException e) {
            return new Outcome(true, null, tier == null ? null : tier.toString(), null, "奖励金额不是数字：" + raw + " / The reward is not a number: " + raw);
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > Money.SCALE) {
            return new Outcome(true, null, tier == null ? null : tier.toString(), null,
                    "奖励金额须为非负且精确到分：" + raw + "（在表中用 round half up(x, 2)）/ The reward must be a non-negative amount in whole fen: " + raw);
        }
        return new Outcome(true, Money.fen(amount), tier == null ? null : tier.toString(), null, null);
    }
}
