package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.Spreadsheet;
import cn.huiqi.identity.Caller;

/**
 * A round's scores and ranking (docs/evaluation.md, "The ranking of a round"): once every figure of every locality is
 * confirmed, the round's confirmed figures are scored and ranked by {@link EvaluationRanking} at the versions the round
 * pinned, with measure 6's safety vetoes of the period's year. Who sees what is decided here, never by the page:
 * gxj, tjj, policy staff and auditors every line; a locality its own line only until the ranking is circulated (通报),
 * without the tie-break sentence (it names a neighbour and its total) or the total of the awards.
 */
@Service
public class RoundRankings {

    private final EvaluationStore store;
    private final EvaluationAccess access;
    private final EvaluationRounds rounds;
    private final EvaluationRanking ranking;
    private final LocalityGroups groups;
    private final SafetyVetoes vetoes;
    private final RoundProcessStore processStore;
    private final EvaluationProcess process;

    RoundRankings(EvaluationStore store, EvaluationAccess access, EvaluationRounds rounds, EvaluationRanking ranking, LocalityGroups groups,
                  SafetyVetoes vetoes, RoundProcessStore processStore, EvaluationProcess process) {
        this.processStore = processStore;
        this.process = process;
        this.store = store;
        this.access = access;
        this.rounds = rounds;
        this.ranking = ranking;
        this.groups = groups;
        this.vetoes = vetoes;
    }

    /** The ranking as the caller may see it. */
    @Transactional
    public EvaluationApi.RankingView ranking(long roundId) {
        Caller caller = access.reader();
        EvaluationStore.Round round = rounds.find(roundId);
        RankingApi.Ranking full = rank(round);
        if (EvaluationAccess.readsAll(caller) || circulated(round)) {
            return new EvaluationApi.RankingView(round.id(), round.measure(), round.status().name(), true, full);
        }
        List<String> own = access.ownLocalities(caller);
        List<RankingApi.Line> lines = full.lines().stream().filter(l -> own.contains(l.unitId()))
                .map(l -> new RankingApi.Line(l.unitId(), l.nameZh(), l.group(), l.scores(), l.total(), l.rankInGroup(), l.award(), l.vetoed(), null))
                .toList();
        return new EvaluationApi.RankingView(round.id(), round.measure(), round.status().name(), false,
                new RankingApi.Ranking(full.measure(), full.versions(), full.tieBreakRule(), full.vetoReading(), lines, null,
                        full.provisional(), full.provisionalNote(), full.vetoReading() == null ? null : EvaluationRanking.VETOED_AWARD_RULE));
    }

    /** 评分表 xlsx: every locality's figures, scores, total, rank in its group and award (gxj only). */
    @Transactional
    public byte[] scoreSheet(long roundId) {
        access.leadBureau();
        EvaluationStore.Round round = rounds.find(roundId);
        RankingApi.Ranking r = rank(round);
        List<EvaluationStore.Indicator> indicators = store.indicators(roundId);
        List<String> headers = new ArrayList<>(List.of("组别", "名次", "地区"));
        for (EvaluationStore.Indicator i : indicators) {
            headers.add(i.nameZh() + "（" + i.unit() + "）");
            headers.add(i.nameZh() + " 得分");
        }
        headers.addAll(List.of("总分", "奖励金额（元）", "安全生产否决", "并列说明"));
        List<List<Object>> rows = new ArrayList<>();
        for (RankingApi.Line l : r.lines()) {
            List<Object> row = new ArrayList<>(List.of(l.group().nameZh(), l.rankInGroup(), l.nameZh()));
            for (EvaluationStore.Indicator i : indicators) {
                RankingApi.IndicatorScore s = l.scores().stream().filter(x -> x.code().equals(i.code())).findFirst().orElseThrow();
                row.add(s.figure().doubleValue());
                row.add(s.score());
            }
            row.add(l.total());
            row.add(l.award());
            row.add(l.vetoed() ? "是：不予奖励" : "");
            row.add(l.tieBreak() == null ? "" : l.tieBreak());
            rows.add(row);
        }
        List<String> titles = new ArrayList<>(List.of(round.name() + " 评分表", "评价期：" + round.periodFrom() + " 至 " + round.periodTo()
                + "；措施 " + round.measure(), "指标、目标值、评分办法、分组与奖励金额均为系统默认值，待政策部门确认，不是政策原文规定"));
        if (r.provisional()) {
            titles.add("暂定：" + r.provisionalNote());
        }
        List<String[]> notes = new ArrayList<>();
        notes.add(new String[]{"系统默认值", "洪府办发〔2023〕81号未公布评价指标、目标值、评分办法、分组与奖励金额；本表所用均为系统默认值，待政策部门确认"});
        notes.add(new String[]{"评分规则", "地区评价指标得分规则 第" + r.versions().score() + "版；地区评价奖励金额规则 第"
                + r.versions().award() + "版（本轮开设时锁定）"});
        notes.add(new String[]{"并列规则", r.tieBreakRule()});
        if (r.vetoReading() != null) {
            notes.add(new String[]{"安全生产否决", r.vetoReading()});
            notes.add(new String[]{"否决名次的奖励", EvaluationRanking.VETOED_AWARD_RULE.split(" / ")[0]});
        }
        for (EvaluationStore.Indicator i : indicators) {
            notes.add(new String[]{i.nameZh(), "单位 " + i.unit() + "；目标值 " + Figures.plain(i.target()) + "（" + i.note() + "）；"
                    + (i.direction() == IndicatorDirection.HIGHER_IS_BETTER ? "越高越好" : "越低越好")});
        }
        notes.add(new String[]{"奖励合计（元）", r.totalAward().toPlainString() + "（拨付时以资金池和政策总额为限）"});
        return Spreadsheet.write("评分表", titles, headers, rows, notes);
    }

    private static boolean circulated(EvaluationStore.Round round) {
        return round.status() == EvaluationStatus.CIRCULATED || round.status() == EvaluationStatus.AWARDED;
    }

    /**
     * The ranking the round's process stored when it scored the round (the one proposed, approved and paid); until the
     * scoring job has run, the round's confirmed figures ranked at its pinned versions; a 409 before every figure is
     * confirmed.
     */
    private RankingApi.Ranking rank(EvaluationStore.Round round) {
        RoundProcessStore.ProcessState state = processStore.state(round.id());
        if (state.rankingJson() != null) {
            return process.ranking(state);
        }
        List<EvaluationStore.Indicator> indicators = store.indicators(round.id());
        Map<String, String> localities = access.localities();
        List<EvaluationStore.Figure> figures = store.figures(round.id());
        long confirmed = figures.stream().filter(f -> f.status() == EvaluationStore.FigureStatus.CONFIRMED).count();
        int expected = localities.size() * indicators.size();
        if (confirmed < expected) {
            throw new ConflictException("status", "各地区数据全部确认后才能评分排名（已确认 " + confirmed + " / " + expected + " 项）",
                    "Scores and ranking follow the confirmation of every figure (" + confirmed + " of " + expected + " confirmed)");
        }
        OptionalInt score = rounds.pinnedVersion(round.id(), ScoringDecisions.SCORE);
        OptionalInt award = rounds.pinnedVersion(round.id(), ScoringDecisions.AWARD);
        if (score.isEmpty() || award.isEmpty()) {
            throw new ConflictException("ruleVersions", "本轮开设时评分规则尚未发布，没有锁定评分规则版本，不能评分",
                    "The round pinned no version of the scoring tables (they were not deployed when it was opened)");
        }
        Map<String, Map<String, BigDecimal>> byUnit = new LinkedHashMap<>();
        for (String unit : localities.keySet()) {
            byUnit.put(unit, new HashMap<>());
        }
        for (EvaluationStore.Figure f : figures) {
            byUnit.computeIfAbsent(f.unit(), u -> new HashMap<>()).put(f.indicator(), f.value());
        }
        List<RankingApi.Locality> ranked = byUnit.entrySet().stream().map(e -> groups.locality(e.getKey(), e.getValue())).toList();
        List<RankingApi.Indicator> set = indicators.stream()
                .map(i -> new RankingApi.Indicator(i.code(), i.nameZh(), i.direction(), i.target())).toList();
        boolean veto = rounds.safetyVetoApplies(round.measure());
        Set<String> vetoed = veto ? vetoes.vetoedIn(round.periodTo().getYear()) : Set.of();
        return ranking.rank(new RankingApi.Request(round.measure(), new RankingApi.DecisionVersions(score.getAsInt(), award.getAsInt()),
                set, ranked, groups.ofRound(round.id()), veto, vetoed));
    }
}
