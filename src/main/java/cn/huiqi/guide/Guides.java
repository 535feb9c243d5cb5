package cn.huiqi.guide;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.MeasureController;
import cn.huiqi.catalogue.MeasureUnits;
import cn.huiqi.catalogue.PolicyDocument;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;
import cn.huiqi.evidence.RequiredDocuments;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.round.RoundApi;
import cn.huiqi.round.Rounds;
import cn.huiqi.rules.PublishedRules;
import cn.huiqi.rules.TableView;
import cn.huiqi.timelimit.StepLimits;
import cn.huiqi.timelimit.TimeLimitProperties;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Each measure's guide, generated on every request from what decides its cases: the catalogue, the rule version
 * of its open round ({@link PublishedRules}), the round's dates, {@code huiqi.time-limits}, the routing table's
 * units, the application's fields and the documents the measure asks for. Nothing is written by hand per measure;
 * a measure without tables gets what its nature (who applies, how its cases start) allows.
 */
@Service
class Guides {

    static final Label DEFAULT_LIMITS = Label.of("各环节办理时限为系统默认值，待政策部门确认",
            "The time limits of the steps are system defaults, awaiting confirmation by policy staff");
    static final Label DEFAULT_RATE = Label.of("标注“系统默认值，待确认”的奖励比例为系统默认值，政策原文未公布，待政策部门确认",
            "Rates marked as defaults are not published by the policy: system defaults awaiting confirmation");
    static final Label CONTACT = Label.of("请向企业所在地的县区（开发区）工信部门或本措施牵头单位咨询；联系电话尚未在系统中登记，待政策部门提供",
            "Ask your locality's industry bureau or the measure's lead unit; phone numbers are not registered yet (awaiting policy staff)");
    /** The evaluation tables that decide a locality measure's award (their rules name the measure). */
    private static final List<String> LOCALITY_TABLES = List.of("evaluation-award");

    private final MeasureCatalogue catalogue;
    private final PolicyDocuments policies;
    private final PublishedRules rules;
    private final Rounds rounds;
    private final MeasureUnits units;
    private final ApplicationTypes applicationTypes;
    private final List<RequiredDocuments> documents;
    private final TimeLimitProperties limits;
    private final List<StepLimits> ownLimits;
    private final RepositoryService repositoryService;
    private final EngineAsSystem engineAsSystem;
    private final UnitRepository unitRepository;

    Guides(MeasureCatalogue catalogue, PolicyDocuments policies, PublishedRules rules, Rounds rounds, MeasureUnits units,
           ApplicationTypes applicationTypes, List<RequiredDocuments> documents, TimeLimitProperties limits, List<StepLimits> ownLimits,
           RepositoryService repositoryService, EngineAsSystem engineAsSystem, UnitRepository unitRepository) {
        this.catalogue = catalogue;
        this.policies = policies;
        this.rules = rules;
        this.rounds = rounds;
        this.units = units;
        this.applicationTypes = applicationTypes;
        this.documents = documents;
        this.limits = limits;
        this.ownLimits = ownLimits;
        this.repositoryService = repositoryService;
        this.engineAsSystem = engineAsSystem;
        this.unitRepository = unitRepository;
    }

    List<GuideApi.Summary> list() {
        Map<String, RoundApi.OpenRoundView> open = openRounds();
        Function<String, String> unitName = unitNames();
        List<GuideApi.Summary> summaries = new ArrayList<>();
        for (Measure m : catalogue.all()) {
            boolean next = tablesOf(m).stream().map(key -> rules.versions(key, unitName)).flatMap(Optional::stream)
                    .anyMatch(v -> v.nextRound() != null);
            summaries.add(new GuideApi.Summary(m.id(), m.clause(), m.name(), applicant(m), m.paysMoney(), m.continuous(),
                    m.applicationProcess().isPresent() || m.startedByApp(), round(open.get(m.id())), next));
        }
        return summaries;
    }

    GuideApi.Guide of(String measureId) {
        Measure m = catalogue.find(measureId).orElseThrow(() -> MeasureController.unknown(measureId));
        Function<String, String> unitName = unitNames();
        List<Label> defaults = new ArrayList<>();
        List<GuideApi.RuleSet> ruleSets = new ArrayList<>();
        for (String key : tablesOf(m)) {
            rules.versions(key, unitName).ifPresent(v -> {
                GuideApi.Rules current = rules(v.current(), m);
                ruleSets.add(new GuideApi.RuleSet(current, v.nextRound() == null ? null : rules(v.nextRound(), m)));
                if (current.lines().stream().anyMatch(GuideApi.Line::labelledDefault) && !defaults.contains(DEFAULT_RATE)) {
                    defaults.add(DEFAULT_RATE);
                }
            });
        }
        List<GuideApi.Step> steps = steps(m);
        if (!steps.isEmpty()) {
            defaults.add(DEFAULT_LIMITS);
        }
        GuideApi.Prepare prepare = prepare(m);
        if (prepare.documentsNote() != null) {
            defaults.add(prepare.documentsNote());
        }
        Optional<PolicyDocument> policy = policies.find(m.policy());
        MeasureUnits.Units measureUnits = units.of(List.of(m)).get(m.id());
        Integer supplement = m.applicationProcess().isPresent() ? limits.getSupplement().getDeadline() : null;
        return new GuideApi.Guide(m.id(), m.clause(), m.name(), policy.map(PolicyDocument::getDocNumber).orElse(null),
                policy.map(PolicyDocument::title).orElse(null), applicant(m), m.paysMoney(), m.poolCap(), m.continuous(),
                round(openRounds().get(m.id())), List.copyOf(ruleSets), whatHappens(m), prepare, steps, supplement, measureUnits,
                CONTACT, m.applicationProcess().map(p -> "/apply.html?measure=" + m.id()).orElse(m.startedByApp() ? "/demands.html" : null),
                List.copyOf(defaults));
    }

    private GuideApi.Rules rules(PublishedRules.TableInForce table, Measure m) {
        TableView view = table.table();
        int measureColumn = -1;
        for (int i = 0; i < view.inputs().size(); i++) {
            if ("measure".equals(view.inputs().get(i).expression())) {
                measureColumn = i;
            }
        }
        int column = measureColumn;
        List<GuideApi.Line> lines = new ArrayList<>();
        for (int i = 0; i < view.rules().size() && i < table.sentences().size(); i++) {
            TableView.RuleRow row = view.rules().get(i);
            if (column >= 0 && column < row.inputEntries().size() && !row.inputEntries().get(column).contains("\"" + m.id() + "\"")) {
                continue; // a table shared by several measures: only this measure's rules
            }
            var sentence = table.sentences().get(i);
            lines.add(new GuideApi.Line(sentence.text(), sentence.labelledDefault()));
        }
        return new GuideApi.Rules(table.key(), view.name(), table.version(), table.roundName(), List.copyOf(lines));
    }

    private List<String> tablesOf(Measure m) {
        return m.applicant() == ApplicantKind.LOCALITY ? LOCALITY_TABLES : m.ruleTables();
    }

    private static Label applicant(Measure m) {
        return switch (m.applicant()) {
            case ENTERPRISE -> Label.of("在南昌市登记注册的工业企业（企业本身或其授权的经办人）",
                    "Industrial enterprises registered in Nanchang (or their authorised agents)");
            case PROJECT_OWNER -> Label.of("项目库中工业项目的业主企业（就本企业的项目申请）",
                    "The enterprise owning an industrial project of the project library (for its own project)");
            case LOCALITY -> Label.of("各县区、开发区（由市级评价，企业无需申请）",
                    "Counties, districts and development zones (evaluated by the city; enterprises do not apply)");
            case NONE -> Label.of("无需申请", "Nobody applies");
        };
    }

    /** What happens under a measure, from its nature (how its cases start, whether it pays). */
    private static List<Label> whatHappens(Measure m) {
        List<Label> lines = new ArrayList<>();
        if (m.applicationProcess().isPresent()) {
            lines.add(m.continuous() ? Label.of("常年受理：随时在线申请", "Applications at any time")
                    : Label.of("在申报批次的申报期内在线申请；不在申报期内的申请不予受理", "Apply online within a round's application period"));
            lines.add(Label.of("属地核实 → 市级审核 → 公示 → 市财政局拨付；按规则认定的金额以决策表为准",
                    "Locality verification → city review → public notice → payment by the finance bureau; amounts as the rule table decides"));
        } else if (m.startedByApp()) {
            lines.add(Label.of("企业随时在线提出诉求，属地受理、责任单位办理并答复；受理与办理时限按诉求类别见下方规则",
                    "Raise a demand at any time; the locality accepts it and the responsible unit handles it, within the limits per category below"));
        } else if (m.applicant() == ApplicantKind.LOCALITY) {
            lines.add(Label.of("市工信局开设评价，汇总各地区数据与评分排名，市级审批后公示并拨付至地区财政；企业无需申请",
                    "The lead bureau runs the evaluation and ranking; after approval and notice the award goes to the locality's finance bureau"));
        } else {
            lines.add(Label.of("本措施不受理企业的奖励申请，系统中暂无申请事项", "This measure takes no applications in the system"));
        }
        if (!m.paysMoney()) {
            lines.add(Label.of("本措施不向企业发放资金", "This measure pays no money to enterprises"));
        }
        return List.copyOf(lines);
    }

    private GuideApi.Prepare prepare(Measure m) {
        List<Label> fields = new ArrayList<>();
        if (m.applicationProcess().isPresent()) {
            applicationTypes.forMeasure(m.id()).ifPresent(type -> describe(type.requestType(), fields));
        }
        Optional<RequiredDocuments> required = documents.stream().filter(d -> d.measure().equals(m.id())).findFirst();
        List<GuideApi.Document> docs = required.map(r -> r.kinds().stream()
                .map(k -> new GuideApi.Document(k.label(), k.required(), k.perOrder())).toList()).orElse(List.of());
        return new GuideApi.Prepare(List.copyOf(fields), docs, required.isPresent() ? RequiredDocuments.DEFAULT_NOTE : null);
    }

    /** The application's fields as its OpenAPI descriptions read ("中文 / English"); the agent's field left out. */
    private static void describe(Class<?> type, List<Label> fields) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("enterpriseId")) {
                continue;
            }
            if (component.getGenericType() instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> item
                    && item.isRecord()) {
                describe(item, fields);
                continue;
            }
            Schema schema = component.getAccessor().getAnnotation(Schema.class);
            if (schema == null) {
                schema = component.getAnnotation(Schema.class);
            }
            if (schema != null && !schema.description().isBlank()) {
                String[] parts = schema.description().split(" / ", 2);
                fields.add(Label.of(parts[0].strip(), parts.length > 1 ? parts[1].strip() : parts[0].strip()));
            }
        }
    }

    private List<GuideApi.Step> steps(Measure m) {
        Map<String, Integer> configured = limits.getSteps().getOrDefault(m.id(), Map.of());
        if (configured.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = taskNames(m);
        List<GuideApi.Step> steps = new ArrayList<>();
        boolean governedElsewhere = ownLimits.stream().anyMatch(l -> l.measure().equals(m.id()));
        configured.forEach((step, days) -> {
            boolean own = governedElsewhere && ownLimits.stream().anyMatch(l -> l.measure().equals(m.id()) && l.steps().contains(step));
            if (!own) {
                steps.add(new GuideApi.Step(step, names.getOrDefault(step, step), days, true));
            }
        });
        return List.copyOf(steps);
    }

    /** User task id → its name in the deployed processes of the measure (the diagram's own words). */
    private Map<String, String> taskNames(Measure m) {
        Map<String, String> names = new HashMap<>();
        engineAsSystem.call(() -> {
            java.util.Deque<String> keys = new java.util.ArrayDeque<>(m.processKeys());
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (!keys.isEmpty()) {
                String key = keys.poll();
                if (!seen.add(key)) {
                    continue;
                }
                ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                        .singleResult();
                if (definition == null) {
                    continue;
                }
                BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
                for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                    if (call.getCalledElement() != null && !call.getCalledElement().contains("$")) {
                        keys.add(call.getCalledElement()); // the shared review chain names the steps of measures 1-3
                    }
                }
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    if (task.getName() != null) {
                        names.putIfAbsent(task.getId(), task.getName().split(" / ")[0].replaceAll("\\s+", " ").strip());
                    }
                }
            }
            return null;
        });
        return names;
    }

    private Map<String, RoundApi.OpenRoundView> openRounds() {
        Map<String, RoundApi.OpenRoundView> open = new HashMap<>();
        rounds.openToday().forEach(r -> open.put(r.measure(), r));
        return open;
    }

    private static GuideApi.Round round(RoundApi.OpenRoundView r) {
        return r == null ? null : new GuideApi.Round(r.name(), r.performanceFrom(), r.performanceTo(), r.opensOn(), r.closesOn());
    }

    private Function<String, String> unitNames() {
        Map<String, String> names = new HashMap<>();
        unitRepository.findAll().forEach((Unit u) -> names.put(u.getId(), u.getNameZh()));
        return names::get;
    }
}
