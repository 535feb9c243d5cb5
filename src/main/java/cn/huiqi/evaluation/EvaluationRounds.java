package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.process.EngineAsSystem;

/**
 * Evaluation rounds (docs/evaluation.md): opened by 市工信局 per measure (5 or 6) and period, with the indicator set
 * copied from the labelled default set and the rule versions it is decided by pinned; targets adjusted before data
 * entry starts (audited); the start of the confirmation period on the working-day clock. "Now" is the engine's clock,
 * the clock the confirmation deadline's timer runs on.
 */
@Service
public class EvaluationRounds {

    /** The decision tables a round is decided by (DMN files of the scoring work; pinned when deployed). */
    public static final List<String> DECISION_KEYS = List.of("locality-indicator-score", "evaluation-award");

    private final EvaluationStore store;
    private final EvaluationAccess access;
    private final MeasureCatalogue catalogue;
    private final RepositoryService repositoryService;
    private final WorkingDays workingDays;
    private final ConfirmationDeadline deadline;
    private final int confirmationWorkingDays;
    private final List<SafetyVetoMeasure> vetoMeasures;
    private final EngineAsSystem system;
    private final RoundProcess process;
    private final LocalityGroups groups;

    EvaluationRounds(EvaluationStore store, EvaluationAccess access, MeasureCatalogue catalogue, RepositoryService repositoryService,
                     WorkingDays workingDays, ConfirmationDeadline deadline, RoundProcess process, LocalityGroups groups,
                     @Value("${huiqi.evaluation.confirmation-working-days:5}") int confirmationWorkingDays,
                     List<SafetyVetoMeasure> vetoMeasures, EngineAsSystem system) {
        this.process = process;
        this.groups = groups;
        this.store = store;
        this.access = access;
        this.catalogue = catalogue;
        this.repositoryService = repositoryService;
        this.workingDays = workingDays;
        this.deadline = deadline;
        this.confirmationWorkingDays = confirmationWorkingDays;
        this.vetoMeasures = List.copyOf(vetoMeasures);
        this.system = system;
    }

    /** Whether the measure's ranking has the safety veto (declared by the measure's package, {@link SafetyVetoMeasure}). */
    public boolean safetyVetoApplies(String measure) {
        return vetoMeasures.stream().anyMatch(v -> v.measureId().equals(measure));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Transactional(readOnly = true)
    public List<EvaluationApi.RoundSummary> list() {
        access.reader();
        return store.rounds().stream().map(r -> new EvaluationApi.RoundSummary(r.id(), r.measure(), r.name(), r.periodFrom(), r.periodTo(),
                r.status().name(), r.status().label().zh(), r.status().label().en(), r.confirmationDue())).toList();
    }

    @Transactional(readOnly = true)
    public EvaluationApi.RoundView view(long id) {
        Caller caller = access.reader();
        return view(find(id), caller);
    }

    /** The rule version a round pinned for a decision table, if any (for the scoring of the round). */
    @Transactional(readOnly = true)
    public OptionalInt pinnedVersion(long roundId, String decisionKey) {
        return store.pins(roundId).stream().filter(p -> p.decisionKey().equals(decisionKey)).mapToInt(EvaluationApi.PinView::version).findFirst();
    }

    @Transactional
    public EvaluationApi.RoundView open(EvaluationApi.OpenRequest request) {
        Caller caller = access.leadBureau();
        EvaluationApi.OpenRequest r = request == null ? new EvaluationApi.OpenRequest(null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        String measureId = checks.requiredText("measure", r.measure(), "措施", "Measure", 8);
        String name = checks.requiredText("name", r.name(), "评价轮次名称", "Round name", 100);
        LocalDate from = date(checks, "periodFrom", r.periodFrom(), "评价期起始日", "Period start");
        LocalDate to = date(checks, "periodTo", r.periodTo(), "评价期截止日", "Period end");
        if (measureId != null) {
            Measure measure = catalogue.find(measureId).orElse(null);
            if (measure == null || measure.applicant() != ApplicantKind.LOCALITY || !measure.paysMoney()) {
                checks.add("measure", "措施 " + measureId + " 不是对地区的评价奖励", "Measure " + measureId + " is not a locality evaluation award");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            checks.add("periodTo", "评价期截止日不能早于起始日", "The period cannot end before it starts");
        }
        checks.throwIfAny();
        if (store.roundExists(measureId, from, to)) {
            throw new ConflictException("periodFrom", "措施 " + measureId + " 在 " + from + " 至 " + to + " 已有评价轮次",
                    "Measure " + measureId + " already has an evaluation round for " + from + " to " + to);
        }
        Instant now = now();
        long id;
        try {
            id = store.insertRound(measureId, name, from, to, caller.userId(), now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // a second gxj person opened the same round at the same moment
            throw new ConflictException("periodFrom", "措施 " + measureId + " 在 " + from + " 至 " + to + " 已有评价轮次",
                    "Measure " + measureId + " already has an evaluation round for " + from + " to " + to);
        }
        store.event(id, null, null, "OPENED", null, null, "开设评价轮次，指标取自默认指标集 / Round opened with the default indicator set",
                null, caller.userId(), now);
        for (String key : DECISION_KEYS) {
            // as the system: gxj, checked above, has no engine permission to read decision definitions (and would pin nothing)
            DecisionDefinition latest = system.call(() -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult());
            if (latest != null) {
                store.pin(id, key, latest.getVersion(), latest.getId(), caller.userId(), now);
                store.event(id, null, null, "PINNED", null, key + " v" + latest.getVersion(),
                        "本轮按此版本评分 / This round is scored by this version", null, caller.userId(), now);
            }
        }
        groups.pin(id);
        store.event(id, null, null, "GROUPS_PINNED", null, null, "本轮按开设时的地区分组排名（系统默认值）/ This round is ranked by today's locality groups",
                null, caller.userId(), now);
        process.start(id, measureId, name);
        return view(find(id), caller);
    }

    /** gxj changes an indicator's target before any figure is entered; audited with the reason. */
    @Transactional
    public EvaluationApi.RoundView setTarget(long id, String code, EvaluationApi.TargetRequest request) {
        Caller caller = access.leadBureau();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "调整理由", "Reason", 1000);
        BigDecimal target = request == null || request.target() == null ? null : request.target().stripTrailingZeros();
        if (target == null || target.precision() > 20 || target.abs().compareTo(new BigDecimal("1000000")) >= 0 || target.scale() > 2) {
            checks.add("target", "目标值须为数值，最多2位小数", "The target must be a number with at most 2 decimals");
        }
        checks.throwIfAny();
        EvaluationStore.Round round = lock(id);
        EvaluationStore.Indicator indicator = store.indicators(id).stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("code", "本轮没有指标 " + code, "The round has no indicator " + code));
        if (round.status() != EvaluationStatus.DATA_ENTRY || !store.figures(id).isEmpty()) {
            throw new ConflictException("target", "数据填报已开始，不能再调整目标值", "Data entry has started; targets can no longer change");
        }
        Instant now = now();
        store.setTarget(id, code, target);
        store.event(id, null, code, "TARGET_CHANGED", indicator.target().toPlainString(), target.toPlainString(),
                indicator.nameZh() + " 目标值调整 / Target changed", reason, caller.userId(), now);
        return view(find(id), caller);
    }

    /**
     * gxj closes data entry: every locality has a figure for every indicator; the confirmation period starts now and ends
     * after the configured working days (labelled default 5), when silence confirms.
     */
    @Transactional
    public EvaluationApi.RoundView startConfirmation(long id) {
        Caller caller = access.leadBureau();
        EvaluationStore.Round round = lock(id);
        if (round.status() != EvaluationStatus.DATA_ENTRY) {
            throw new ConflictException("status", "本轮不在数据填报阶段", "The round is not in data entry");
        }
        Map<String, String> localities = access.localities();
        List<EvaluationStore.Indicator> indicators = store.indicators(id);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> locality : localities.entrySet()) {
            for (EvaluationStore.Indicator indicator : indicators) {
                if (store.figure(id, locality.getKey(), indicator.code()).isEmpty()) {
                    missing.add(locality.getValue() + "·" + indicator.nameZh());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ConflictException("figures", "还有 " + missing.size() + " 项数据未填报：" + String.join("、", missing.subList(0, Math.min(5, missing.size())))
                    + (missing.size() > 5 ? " 等" : ""), missing.size() + " figures are still missing");
        }
        Instant now = now();
        Instant due = workingDays.deadline(now, confirmationWorkingDays);
        store.enterConfirmation(id, now, due, confirmationWorkingDays, caller.userId());
        store.event(id, null, null, "CONFIRMATION_STARTED", null, due.toString(), "各地区请在 " + confirmationWorkingDays
                + " 个工作日内确认或提出异议，逾期视为确认（期限为默认设置）/ Localities confirm or dispute within "
                + confirmationWorkingDays + " working days; silence confirms", null, caller.userId(), now);
        deadline.schedule(id, due);
        return view(find(id), caller);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    EvaluationStore.Round find(long id) {
        return store.round(id).orElseThrow(() -> new NotFoundException("id", "没有编号为 " + id + " 的评价轮次", "There is no evaluation round " + id));
    }

    EvaluationStore.Round lock(long id) {
        return store.lockRound(id).orElseThrow(() -> new NotFoundException("id", "没有编号为 " + id + " 的评价轮次", "There is no evaluation round " + id));
    }

    EvaluationApi.RoundView view(EvaluationStore.Round r, Caller caller) {
        Map<String, String> localities = access.localities();
        boolean all = EvaluationAccess.readsAll(caller);
        List<String> own = access.ownLocalities(caller);
        List<EvaluationApi.FigureView> figures = store.figures(r.id()).stream().filter(f -> all || own.contains(f.unit()))
                .map(f -> Figures.view(f, localities)).toList();
        List<EvaluationApi.IndicatorView> indicators = store.indicators(r.id()).stream().map(i -> new EvaluationApi.IndicatorView(i.code(),
                i.nameZh(), i.nameEn(), i.unit(), i.direction().name(), i.target(), i.source(), i.selfReport(), i.decimals(), i.min(), i.max(),
                i.note())).toList();
        return new EvaluationApi.RoundView(r.id(), r.measure(), r.name(), r.periodFrom(), r.periodTo(), r.status().name(),
                r.status().label().zh(), r.status().label().en(), r.confirmationFrom(), r.confirmationDue(), r.confirmationDays(),
                indicators.stream().map(EvaluationApi.IndicatorView::note).filter(n -> !n.isBlank()).findFirst().orElse(null), indicators, store.pins(r.id()), figures, r.createdBy(), r.createdAt(),
                safetyVetoApplies(r.measure()), groups.ofRound(r.id()).entrySet().stream().filter(e -> all || own.contains(e.getKey()))
                        .map(e -> new EvaluationApi.LocalityGroupView(
                        e.getKey(), localities.get(e.getKey()), e.getValue().name(), e.getValue().nameZh(), null)).toList());
    }

    private static LocalDate date(FieldChecks checks, String field, String raw, String zh, String en) {
        if (raw == null || raw.isBlank()) {
            checks.add(field, zh + "不能为空", en + " is required");
            return null;
        }
        try {
            if (!raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", raw, 0);
            }
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            checks.add(field, zh + "须为 yyyy-MM-dd 格式的日期", en + " must be a date yyyy-MM-dd");
            return null;
        }
    }
}
