package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.Applicant;
import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;

/**
 * The service steps of bpmn/evaluation-round.bpmn and bpmn/evaluation-award.bpmn ({@code ${evaluationProcess...}}):
 * scoring and ranking at the round's pinned rule versions (stored on the round), the circulation (通报) with its 复核
 * window on the working-day clock, the award cases, and the way of an award process to its case.
 */
@Component("evaluationProcess")
public class EvaluationProcess {

    static final String SYSTEM = CaseTimeline.SYSTEM;

    private final RoundProcess process;
    private final RoundProcessStore processStore;
    private final EvaluationStore store;
    private final EvaluationRanking ranking;
    private final EvaluationRules rules;
    private final LocalityGroups groups;
    private final SafetyVetoes vetoes;
    private final EvaluationRounds rounds;
    private final WorkingDays workingDays;
    private final RepositoryService repositoryService;
    private final CaseRecordRepository cases;
    private final CaseLifecycles lifecycles;
    private final CaseTimeline caseTimeline;
    private final RewardClaims claims;
    private final ObjectMapper json;
    private final int reviewWorkingDays;
    private final ApplicationEventPublisher events;

    EvaluationProcess(RoundProcess process, RoundProcessStore processStore, EvaluationStore store, EvaluationRanking ranking,
                      EvaluationRules rules, LocalityGroups groups, SafetyVetoes vetoes, EvaluationRounds rounds, WorkingDays workingDays,
                      RepositoryService repositoryService, CaseRecordRepository cases, CaseLifecycles lifecycles, CaseTimeline caseTimeline,
                      RewardClaims claims, ObjectMapper json,
                      @Value("${huiqi.evaluation.review-working-days:5}") int reviewWorkingDays, ApplicationEventPublisher events) {
        this.events = events;
        this.process = process;
        this.processStore = processStore;
        this.store = store;
        this.ranking = ranking;
        this.rules = rules;
        this.groups = groups;
        this.vetoes = vetoes;
        this.rounds = rounds;
        this.workingDays = workingDays;
        this.repositoryService = repositoryService;
        this.cases = cases;
        this.lifecycles = lifecycles;
        this.caseTimeline = caseTimeline;
        this.claims = claims;
        this.json = json;
        this.reviewWorkingDays = reviewWorkingDays;
    }

    /**
     * Whether the round is past data entry when its process starts: only a round opened before the processes existed
     * and already in its confirmation period when {@link RoundProcessesAtStartup} gave it one. Its process then skips
     * "确认数据采集完毕", a step that already happened.
     */
    public boolean dataEntryPast(DelegateExecution execution) {
        return store.round(process.roundOf(execution)).orElseThrow().status() != EvaluationStatus.DATA_ENTRY;
    }

    public boolean allConfirmed(DelegateExecution execution) {
        long roundId = process.roundOf(execution);
        return store.round(roundId).orElseThrow().status() == EvaluationStatus.CONFIRMATION && processStore.allConfirmed(roundId);
    }

    /** Scores and ranks the round at its pinned versions (pinning the ones in force if the round has none) and stores the ranking. */
    public void score(DelegateExecution execution) {
        long roundId = process.roundOf(execution);
        EvaluationStore.Round round = store.lockRound(roundId).orElseThrow();
        Instant now = EvaluationRounds.now();
        RankingApi.DecisionVersions versions = versions(roundId, now);
        List<RankingApi.Indicator> indicators = store.indicators(roundId).stream()
                .map(i -> new RankingApi.Indicator(i.code(), i.nameZh(), i.direction(), i.target())).toList();
        Map<String, Map<String, BigDecimal>> byUnit = new LinkedHashMap<>();
        store.figures(roundId).forEach(f -> byUnit.computeIfAbsent(f.unit(), u -> new LinkedHashMap<>()).put(f.indicator(), f.value()));
        List<RankingApi.Locality> localities = new ArrayList<>();
        groups.localities().forEach(u -> localities.add(groups.locality(u.getId(), byUnit.getOrDefault(u.getId(), Map.of()))));
        boolean veto = rounds.safetyVetoApplies(round.measure());
        Set<String> vetoed = veto ? vetoes.vetoedIn(round.periodTo().getYear()) : Set.of();
        Map<String, EvaluationGroup> roundGroups = groups.pinned(roundId);
        if (roundGroups.isEmpty()) {
            // a round inserted without its grouping (the demo round of V1005) records today's when it is first scored
            roundGroups = groups.pin(roundId);
            store.event(roundId, null, null, "GROUPS_PINNED", null, null, "评分时记录本轮地区分组 / Locality groups recorded at scoring",
                    null, SYSTEM, now);
        }
        RankingApi.Ranking result = ranking.rank(new RankingApi.Request(round.measure(), versions, indicators, localities, roundGroups,
                veto, vetoed));
        processStore.ranking(roundId, toJson(result), versions.score(), versions.award(), now);
        processStore.status(roundId, EvaluationStatus.SCORING, SYSTEM, now);
        store.event(roundId, null, null, "RANKED", null, "locality-indicator-score v" + versions.score() + ", evaluation-award v" + versions.award(),
                "评分排名完成，奖励合计 " + result.totalAward().toPlainString() + " 元 / Scored and ranked" + (vetoed.isEmpty() ? ""
                        : "；一票否决：" + String.join("、", localities.stream().filter(l -> vetoed.contains(l.unitId()))
                                .map(RankingApi.Locality::nameZh).toList())), null, SYSTEM, now);
    }

    private RankingApi.DecisionVersions versions(long roundId, Instant now) {
        Map<String, Integer> pinned = new LinkedHashMap<>();
        store.pins(roundId).forEach(p -> pinned.put(p.decisionKey(), p.version()));
        for (String key : EvaluationRounds.DECISION_KEYS) {
            if (!pinned.containsKey(key)) {
                // a round opened before the tables were deployed (the demo round of V1005) is pinned when it is first scored
                DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
                store.pin(roundId, key, latest.getVersion(), latest.getId(), SYSTEM, now);
                store.event(roundId, null, null, "PINNED", null, key + " v" + latest.getVersion(),
                        "评分时锁定规则版本 / Rule version pinned at scoring", null, SYSTEM, now);
                pinned.put(key, latest.getVersion());
            }
        }
        return new RankingApi.DecisionVersions(pinned.get(ScoringDecisions.SCORE), pinned.get(ScoringDecisions.AWARD));
    }

    /** 通报: the ranking becomes visible to every locality; the 复核 window runs on the working-day clock. */
    public void circulate(DelegateExecution execution) {
        long roundId = process.roundOf(execution);
        Instant now = EvaluationRounds.now();
        Instant due = workingDays.deadline(now, reviewWorkingDays);
        processStore.circulated(roundId, now, due);
        processStore.status(roundId, EvaluationStatus.CIRCULATED, SYSTEM, now);
        store.event(roundId, null, null, "CIRCULATED", null, due.toString(), "排名已通报各地区；复核期 " + reviewWorkingDays
                + " 个工作日（系统默认值），期内各地区可对本地区数据和得分申请复核 / Ranking circulated; review window of "
                + reviewWorkingDays + " working days (default)", null, SYSTEM, now);
        EvaluationStore.Round round = store.round(roundId).orElseThrow();
        events.publishEvent(new EvaluationCirculated(roundId, round.measure(), round.name(),
                due.minusSeconds(1).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), reviewWorkingDays,
                groups.localities().stream().map(u -> u.getId()).toList()));
    }

    public Date reviewDue(DelegateExecution execution) {
        return Date.from(processStore.state(process.roundOf(execution)).reviewDue());
    }

    public boolean hasOpenRequests(DelegateExecution execution) {
        return processStore.openRequests(process.roundOf(execution)) > 0;
    }

    /**
     * 奖励确定: one case per locality the stored ranking awards (vetoed ones get none): applicant and payee the locality
     * (its 财政局), the claim decided by the round's pinned award table. Sets {@code awardCases} for the multi-instance.
     */
    public void award(DelegateExecution execution) {
        long roundId = process.roundOf(execution);
        EvaluationStore.Round round = store.lockRound(roundId).orElseThrow();
        RoundProcessStore.ProcessState state = processStore.state(roundId);
        RankingApi.Ranking stored = ranking(state);
        DecisionDefinition award = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ScoringDecisions.AWARD)
                .decisionDefinitionVersion(state.awardVersion()).singleResult();
        List<String> caseNumbers = new ArrayList<>();
        Instant now = EvaluationRounds.now();
        for (RankingApi.Line line : stored.lines()) {
            if (line.vetoed() || line.award() == null || line.award().signum() <= 0) {
                continue;
            }
            CaseRecord caseRecord = new CaseRecord(round.measure(), Applicant.locality(line.unitId()), line.unitId(), "EVAL-" + roundId,
                    null, applicationJson(round, line), SYSTEM, lifecycles.of(round.measure()).initial());
            cases.save(caseRecord);
            caseRecord.assignNumber(CaseRegistration.POLICY_YEAR);
            cases.save(caseRecord);
            RewardClaim claim = claims.open(caseRecord, line.award());
            claim.recordDecision(ScoringDecisions.AWARD, state.awardVersion(), award == null ? null : award.getId(), true, line.award(),
                    line.group().name() + "-" + line.rankInGroup(), round.name() + "：" + line.group().nameZh() + "第" + line.rankInGroup() + "名");
            claims.save(claim);
            caseTimeline.record(caseRecord, "EVALUATION_AWARD", round.name() + "：" + line.group().nameZh() + "第" + line.rankInGroup()
                    + "名，奖励 " + line.award().toPlainString() + " 元（市政府审定 " + state.approvalDocument() + "）/ Award of the evaluation round");
            processStore.awardCase(roundId, line.unitId(), caseRecord.getId(), line.award());
            caseNumbers.add(caseRecord.getCaseNumber());
        }
        processStore.status(roundId, EvaluationStatus.AWARDED, SYSTEM, now);
        store.event(roundId, null, null, "AWARDED", null, String.valueOf(caseNumbers.size()), "奖励确定，案件：" + String.join("、", caseNumbers)
                + " / Awards decided", null, SYSTEM, now);
        execution.setVariable("awardCases", caseNumbers);
    }

    /** The award process (business key = the case number) becomes the case's process: settlement and payment find it by that key. */
    public void attachAwardCase(DelegateExecution execution) {
        CaseRecord caseRecord = cases.findByCaseNumber(execution.getProcessBusinessKey()).orElseThrow();
        caseRecord.attachProcess(execution.getProcessInstanceId());
        cases.save(caseRecord);
    }

    public void close(DelegateExecution execution) {
        long roundId = process.roundOf(execution);
        store.event(roundId, null, null, "CLOSED", null, null, "各获奖地区的拨付流程均已结束 / Every award case has ended", null, SYSTEM,
                EvaluationRounds.now());
    }

    RankingApi.Ranking ranking(RoundProcessStore.ProcessState state) {
        try {
            return json.readValue(state.rankingJson(), RankingApi.Ranking.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ranking of round " + state.roundId() + " unreadable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String applicationJson(EvaluationStore.Round round, RankingApi.Line line) {
        return toJson(Map.of("evaluationRound", round.id(), "roundName", round.name(), "group", line.group().name(),
                "rankInGroup", line.rankInGroup(), "total", line.total(), "award", line.award()));
    }
}
