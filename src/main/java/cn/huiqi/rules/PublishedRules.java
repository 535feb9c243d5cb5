package cn.huiqi.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import cn.huiqi.round.Rounds;

/**
 * The published decision tables as the public reads them (the guide and the policy calculator, docs/fulfilment.md):
 * the version that decides the open round's cases (the round's pin, as {@link RewardPreviewer} takes it; the latest
 * where no round is open or none is pinned yet), a newer version published for the next round, and an evaluation of
 * figures explained rule by rule. Never a draft: only deployed versions are read.
 */
@Component
public class PublishedRules {

    /** roundName: the open round whose cases this version decides (null: none open). */
    public record TableInForce(String key, int version, String roundName, TableView table, List<RuleSentences.Sentence> sentences) {
    }

    /** current: the version in force; nextRound: a newer version published for rounds opened later, or null. */
    public record Versions(TableInForce current, TableInForce nextRound) {
    }

    /**
     * One rule against the figures: matched, and otherwise the conditions (its input entries, in plain words) the
     * figures do not meet; sentence: the whole rule as {@link RuleSentences} writes it.
     */
    public record RuleCheck(String ruleId, int index, String sentence, boolean matched, List<String> unmet, boolean labelledDefault) {
    }

    /** The table's answer to the figures (error: why it gave none) and every rule checked. */
    public record Calculation(String key, int version, String roundName, Boolean eligible, BigDecimal amount, String tier,
                              String reason, String error, List<RuleCheck> rules) {

        public boolean labelledDefault() {
            return rules.stream().anyMatch(r -> r.matched() && r.labelledDefault());
        }
    }

    private final Rounds rounds;
    private final RuleRepository repository;
    private final DraftDmnEngine engine;
    private final WhatIfRunner whatIf;

    PublishedRules(Rounds rounds, RuleRepository repository, DraftDmnEngine engine, WhatIfRunner whatIf) {
        this.rounds = rounds;
        this.repository = repository;
        this.engine = engine;
        this.whatIf = whatIf;
    }

    /** The versions of table {@code key} the public sees; empty when the engine holds no such table. */
    public Optional<Versions> versions(String key, Function<String, String> unitName) {
        return inForce(key).map(f -> new Versions(table(f.current(), f.roundName(), unitName),
                f.pinned() && f.latest().version() > f.current().version() ? table(f.latest(), null, unitName) : null));
    }

    /** current: the version deciding the open round's cases (its pin, else the latest); latest: the newest deployed. */
    private record InForce(RuleRepository.Version current, String roundName, boolean pinned, RuleRepository.Version latest) {
    }

    private Optional<InForce> inForce(String key) {
        List<RuleRepository.Version> all = repository.versions(key);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        RuleRepository.Version latest = all.get(0);
        Optional<Rounds.OpenRound> round = rounds.openRoundDecidedBy(key);
        Optional<RuleRepository.Version> pinned = round.map(Rounds.OpenRound::pinnedVersion).flatMap(v -> repository.find(key, v));
        return Optional.of(new InForce(pinned.orElse(latest), round.map(Rounds.OpenRound::name).orElse(null), pinned.isPresent(), latest));
    }

    /**
     * Evaluates {@code inputs} (named as the table's input expressions read them) with the version in force, and
     * checks every rule column by column with the same DMN engine: each column alone, all rules collected, tells which
     * rules that column's entry lets through.
     */
    public Calculation calculate(String key, Map<String, Object> inputs) {
        InForce inForce = inForce(key).orElseThrow(() -> new IllegalStateException("no decision table " + key));
        Parsed parsed = parsed(inForce.current());
        WhatIfRunner.Decided decided = whatIf.decide(parsed.decision(), inputs);
        TableView table = parsed.view();
        List<Set<String>> passing = new ArrayList<>();
        String columnError = null;
        for (DmnDecision alone : parsed.columns()) {
            Set<String> through = new HashSet<>();
            DraftDmnEngine.Matched<Object> matched = engine.matchedRules(() -> {
                try {
                    return engine.get().evaluateDecision(alone, inputs);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            if (matched.result() instanceof RuntimeException e && columnError == null) {
                columnError = DraftValidator.rootMessage(e);
            }
            through.addAll(matched.ruleIds());
            passing.add(through);
        }
        Map<String, RuleSentences.Sentence> sentences = new LinkedHashMap<>();
        RuleSentences.of(table, id -> null).forEach(s -> sentences.put(s.ruleId(), s));
        List<RuleCheck> checks = new ArrayList<>();
        for (TableView.RuleRow rule : table.rules()) {
            List<String> unmet = new ArrayList<>();
            for (int column = 0; column < table.inputs().size() && column < rule.inputEntries().size(); column++) {
                if (!passing.get(column).contains(rule.id())) {
                    String words = RuleSentences.condition(table.inputs().get(column), rule.inputEntries().get(column).trim());
                    unmet.add(words.isEmpty() ? table.inputs().get(column).title() : words);
                }
            }
            RuleSentences.Sentence sentence = sentences.get(rule.id());
            checks.add(new RuleCheck(rule.id(), rule.index(), sentence == null ? "" : sentence.text(),
                    decided.matchedRuleIds().contains(rule.id()), List.copyOf(unmet), sentence != null && sentence.labelledDefault()));
        }
        WhatIfRunner.Outcome outcome = decided.outcome();
        String error = outcome.error() != null ? outcome.error() : columnError;
        return new Calculation(key, inForce.current().version(), inForce.roundName(), outcome.eligible(), outcome.amount(), outcome.tier(),
                decided.reason(), error, List.copyOf(checks));
    }

    /**
     * A deployed version never changes: its table, its decision and its one-column decisions are read and parsed once
     * (the calculator is public).
     */
    private record Parsed(TableView view, DmnDecision decision, List<DmnDecision> columns) {
    }

    private final Map<String, Parsed> parsedVersions = new ConcurrentHashMap<>();

    private Parsed parsed(RuleRepository.Version version) {
        return parsedVersions.computeIfAbsent(version.definitionId(), id -> {
            String xml = repository.xml(version);
            DmnModelInstance model = TableView.parse(xml);
            DmnDecision decision = engine.get().parseDecision(version.key(), model);
            TableView view = TableView.of(model, version.key());
            List<DmnDecision> columns = new ArrayList<>();
            for (int column = 0; column < view.inputs().size(); column++) {
                columns.add(engine.get().parseDecision(version.key(), columnAlone(xml, version.key(), column)));
            }
            return new Parsed(view, decision, List.copyOf(columns));
        });
    }

    private TableInForce table(RuleRepository.Version version, String roundName, Function<String, String> unitName) {
        TableView view = TableView.of(TableView.parse(repository.xml(version)), version.key());
        return new TableInForce(version.key(), version.version(), roundName, view, RuleSentences.of(view, unitName));
    }

    /** The table with only input column {@code column} tested (every other entry "-"), all matches collected. */
    private static DmnModelInstance columnAlone(String xml, String key, int column) {
        DmnModelInstance model = TableView.parse(xml);
        DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(key)).getExpression();
        table.setHitPolicy(HitPolicy.COLLECT);
        for (Rule rule : table.getRules()) {
            int i = 0;
            for (InputEntry entry : rule.getInputEntries()) {
                if (i++ != column) {
                    entry.getText().setTextContent("-");
                }
            }
            for (OutputEntry entry : rule.getOutputEntries()) {
                entry.getText().setTextContent("null");
            }
        }
        return model;
    }
}
