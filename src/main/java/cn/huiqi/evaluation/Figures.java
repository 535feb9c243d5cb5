package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.evidence.EvidenceFiles;
import cn.huiqi.evidence.EvidenceItem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;

/**
 * The localities' figures of a round (docs/evaluation.md): the statistics import, the self-reported gaps, gxj's scores
 * and corrections, and the confirmation period (confirm, dispute → gxj resolves, silence confirms). Every change is a
 * timeline line with actor, old and new value and reason. A confirmed figure changes only by gxj's hand.
 */
@Service
public class Figures {

    private final EvaluationStore store;
    private final EvaluationAccess access;
    private final EvaluationRounds rounds;
    private final RoundProcess process;
    private final RoundProcessStore processStore;

    private final EvidenceFiles evidenceFiles;

    Figures(EvaluationStore store, EvaluationAccess access, EvaluationRounds rounds, RoundProcess process, RoundProcessStore processStore,
            EvidenceFiles evidenceFiles) {
        this.evidenceFiles = evidenceFiles;
        this.processStore = processStore;
        this.store = store;
        this.access = access;
        this.rounds = rounds;
        this.process = process;
    }

    @Transactional(readOnly = true)
    public byte[] template(long roundId) {
        access.importer();
        EvaluationStore.Round round = rounds.find(roundId);
        return FigureSheet.template(round, store.indicators(roundId), access.localities());
    }

    /** Checks the whole file first; any bad cell refuses it with nothing stored. Never replaces a confirmed or disputed figure. */
    @Transactional
    public EvaluationApi.ImportResult importFile(long roundId, byte[] file) {
        Caller caller = access.importer();
        Map<String, String> localities = access.localities();
        EvaluationStore.Round round = rounds.find(roundId);
        List<EvaluationStore.Indicator> indicators = store.indicators(roundId);
        Map<String, Map<String, BigDecimal>> figures = FigureSheet.read(file, indicators, localities);
        round = rounds.lock(roundId);
        requireOpenForFigures(round);
        Instant now = EvaluationRounds.now();
        int stored = 0, replaced = 0, unchanged = 0, kept = 0, left = 0;
        for (Map.Entry<String, Map<String, BigDecimal>> row : figures.entrySet()) {
            String unit = row.getKey();
            for (EvaluationStore.Indicator indicator : indicators) {
                if (!indicator.fromStatistics()) {
                    continue;
                }
                BigDecimal value = row.getValue().get(indicator.code());
                if (value == null) {
                    left++;
                    continue;
                }
                var existing = store.figure(roundId, unit, indicator.code());
                if (existing.isEmpty()) {
                    store.insertFigure(roundId, unit, indicator.code(), value, EvaluationStore.Origin.OFFICIAL, null, caller.userId(), now);
                    store.event(roundId, unit, indicator.code(), "IMPORTED", null, value.toPlainString(), "统计数据导入 / Statistics import",
                            null, caller.userId(), now);
                    stored++;
                } else if (existing.get().status() != EvaluationStore.FigureStatus.ENTERED) {
                    kept++;
                } else if (existing.get().value().compareTo(value) == 0 && existing.get().origin() == EvaluationStore.Origin.OFFICIAL) {
                    unchanged++;
                } else {
                    EvaluationStore.Figure was = existing.get();
                    store.replaceFigure(was.id(), value, EvaluationStore.Origin.OFFICIAL, null, caller.userId(), now);
                    store.event(roundId, unit, indicator.code(), "IMPORT_REPLACED", plain(was.value()), value.toPlainString(),
                            "重新导入替换未确认的数据（原为" + originZh(was.origin()) + "）/ Re-import replaced an unconfirmed figure",
                            null, caller.userId(), now);
                    replaced++;
                }
            }
        }
        return new EvaluationApi.ImportResult(stored, replaced, unchanged, kept, left);
    }

    /** A locality's own figure where statistics have none (indicators that allow it), with its evidence. */
    @Transactional
    public EvaluationApi.FigureView selfReport(long roundId, EvaluationApi.SelfReportRequest request) {
        Caller caller = access.locality();
        EvaluationApi.SelfReportRequest r = request == null ? new EvaluationApi.SelfReportRequest(null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        String unit = checks.requiredText("unit", r.unit(), "地区", "Locality", 32);
        String code = checks.requiredText("indicator", r.indicator(), "指标", "Indicator", 32);
        // the evidence is the uploaded file; the text is an optional note (document number, what the file shows)
        String evidence = r.evidence() == null || r.evidence().isBlank() ? null
                : checks.requiredText("evidence", r.evidence(), "证明材料说明", "Evidence note", 500);
        if (r.evidenceFileId() == null) {
            checks.add("evidenceFileId", "自报数据须上传证明材料（先上传文件，再提交数据）", "A self-reported figure needs its evidence file (upload it first)");
        }
        checks.throwIfAny();
        if (!access.ownLocalities(caller).contains(unit)) {
            throw EvaluationAccess.refused(caller, "report figures of " + unit);
        }
        EvaluationStore.Indicator indicator = indicator(roundId, code);
        if (!indicator.selfReport()) {
            throw new InvalidInputException("indicator", indicator.nameZh() + " 不能由地区自报", indicator.code() + " cannot be self-reported");
        }
        BigDecimal value = number("value", r.value(), indicator);
        EvaluationStore.Round round = rounds.lock(roundId);
        if (round.status() != EvaluationStatus.DATA_ENTRY) {
            throw new ConflictException("status", "数据填报已结束，不能再自报", "Data entry has ended");
        }
        Instant now = EvaluationRounds.now();
        var existing = store.figure(roundId, unit, code);
        if (existing.isPresent() && existing.get().origin() != EvaluationStore.Origin.SELF_REPORTED) {
            throw new ConflictException("indicator", "已有" + originZh(existing.get().origin()) + "，不能自报", "There is an official figure already");
        }
        if (existing.isPresent() && existing.get().status() != EvaluationStore.FigureStatus.ENTERED) {
            throw new ConflictException("indicator", "该数据已确认，只有市工信局可以更正", "The figure is confirmed; only gxj may correct it");
        }
        if (existing.isEmpty()) {
            store.insertFigure(roundId, unit, code, value, EvaluationStore.Origin.SELF_REPORTED, evidence, caller.userId(), now);
        } else {
            store.replaceFigure(existing.get().id(), value, EvaluationStore.Origin.SELF_REPORTED, evidence, caller.userId(), now);
        }
        long figureId = store.figure(roundId, unit, code).orElseThrow().id();
        EvidenceItem file = evidenceFiles.attachLocalityFile(r.evidenceFileId(), unit, round.measure(), "evaluation-figure:" + figureId);
        store.evidenceFile(figureId, file.id(), file.fileName());
        store.event(roundId, unit, code, "SELF_REPORTED", existing.map(f -> plain(f.value())).orElse(null), value.toPlainString(),
                "地区自报（统计部门无此数据），证明材料：" + file.fileName() + (evidence == null ? "" : "（" + evidence + "）")
                        + " / Self-reported with evidence", null, caller.userId(), now);
        return view(store.figure(roundId, unit, code).orElseThrow(), access.localities());
    }

    /**
     * gxj's hand: the score of a gxj-scored indicator while data is entered (reason optional), or a correction of any
     * figure at any time (reason required; a confirmed figure stays confirmed, now by correction).
     */
    @Transactional
    public EvaluationApi.FigureView byLeadBureau(long roundId, EvaluationApi.GxjFigureRequest request) {
        Caller caller = access.leadBureau();
        EvaluationApi.GxjFigureRequest r = request == null ? new EvaluationApi.GxjFigureRequest(null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        String unit = checks.requiredText("unit", r.unit(), "地区", "Locality", 32);
        String code = checks.requiredText("indicator", r.indicator(), "指标", "Indicator", 32);
        String reason = r.reason() == null || r.reason().isBlank() ? null : checks.requiredText("reason", r.reason(), "理由", "Reason", 1000);
        checks.throwIfAny();
        if (!access.localities().containsKey(unit)) {
            throw new InvalidInputException("unit", "未知的地区 " + unit, "Unknown locality " + unit);
        }
        EvaluationStore.Indicator indicator = indicator(roundId, code);
        BigDecimal value = number("value", r.value(), indicator);
        EvaluationStore.Round round = rounds.lock(roundId);
        boolean onReview = round.status() == EvaluationStatus.CIRCULATED && processStore.requests(roundId).stream()
                .anyMatch(q -> "OPEN".equals(q.status()) && q.unit().equals(unit));
        if (!onReview) { // after circulation only a locality's open 复核 request lets gxj correct that locality's figures
            requireOpenForFigures(round);
        }
        var existing = store.figure(roundId, unit, code);
        boolean scoring = !indicator.fromStatistics() && round.status() == EvaluationStatus.DATA_ENTRY
                && (existing.isEmpty() || existing.get().status() == EvaluationStore.FigureStatus.ENTERED);
        if (!scoring && reason == null) {
            throw new InvalidInputException("reason", "更正数据须说明理由", "A correction needs a reason");
        }
        if (existing.isPresent() && existing.get().status() == EvaluationStore.FigureStatus.DISPUTED) {
            throw new ConflictException("indicator", "该数据有待处理的异议：请通过异议处理维持或更正", "The figure is disputed: resolve the dispute instead");
        }
        if (existing.isEmpty() && indicator.fromStatistics()) {
            throw new ConflictException("indicator", indicator.nameZh() + " 来自统计数据：请导入，或由地区自报", indicator.code() + " comes from the statistics import");
        }
        Instant now = EvaluationRounds.now();
        if (existing.isEmpty()) {
            store.insertFigure(roundId, unit, code, value, EvaluationStore.Origin.GXJ, null, caller.userId(), now);
        } else {
            store.replaceFigure(existing.get().id(), value, scoring ? EvaluationStore.Origin.GXJ : existing.get().origin(),
                    existing.get().evidence(), caller.userId(), now);
            if (existing.get().status() == EvaluationStore.FigureStatus.CONFIRMED) {
                store.confirm(existing.get().id(), "CORRECTION", caller.userId(), now);
            }
        }
        store.event(roundId, unit, code, scoring ? "SCORED" : "CORRECTED", existing.map(f -> plain(f.value())).orElse(null),
                value.toPlainString(), scoring ? "市工信局评分 / Scored by gxj" : "市工信局更正 / Corrected by gxj", reason, caller.userId(), now);
        return view(store.figure(roundId, unit, code).orElseThrow(), access.localities());
    }

    /** The locality confirms its figures not disputed yet, before the deadline. */
    @Transactional
    public EvaluationApi.ConfirmationResult confirm(long roundId, String unit) {
        Caller caller = access.locality();
        if (!access.ownLocalities(caller).contains(unit)) {
            throw EvaluationAccess.refused(caller, "confirm figures of " + unit);
        }
        inConfirmation(roundId);
        rounds.lock(roundId); // the last confirmations of two localities see each other's: one of them moves the process on
        Instant now = EvaluationRounds.now();
        int confirmed = 0, disputed = 0;
        for (EvaluationStore.Figure f : store.figures(roundId)) {
            if (!f.unit().equals(unit)) {
                continue;
            }
            if (f.status() == EvaluationStore.FigureStatus.ENTERED) {
                store.confirm(f.id(), "LOCALITY", caller.userId(), now);
                store.event(roundId, unit, f.indicator(), "CONFIRMED", null, plain(f.value()), "地区确认 / Confirmed by the locality",
                        null, caller.userId(), now);
                confirmed++;
            } else if (f.status() == EvaluationStore.FigureStatus.DISPUTED) {
                disputed++;
            }
        }
        process.figuresMaybeConfirmed(roundId);
        return new EvaluationApi.ConfirmationResult(unit, confirmed, disputed);
    }

    /** The locality disputes one of its own unconfirmed figures, with a reason; gxj resolves it. */
    @Transactional
    public EvaluationApi.FigureView dispute(long roundId, long figureId, EvaluationApi.DisputeRequest request) {
        Caller caller = access.locality();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "异议理由", "Reason for the dispute", 1000);
        checks.throwIfAny();
        EvaluationStore.Figure figure = ownFigure(caller, roundId, figureId);
        inConfirmation(roundId);
        figure = store.figure(roundId, figureId).orElseThrow();
        if (figure.status() != EvaluationStore.FigureStatus.ENTERED) {
            throw new ConflictException("id", "该数据已" + statusZh(figure.status()) + "，不能再提出异议", "The figure is " + figure.status());
        }
        Instant now = EvaluationRounds.now();
        store.dispute(figureId, reason, caller.userId(), now);
        store.event(roundId, figure.unit(), figure.indicator(), "DISPUTED", plain(figure.value()), null, "地区提出异议 / Disputed by the locality",
                reason, caller.userId(), now);
        return view(store.figure(roundId, figureId).orElseThrow(), access.localities());
    }

    /** gxj resolves a dispute: keeps the figure (no value) or corrects it, with a reason; the figure is then confirmed. */
    @Transactional
    public EvaluationApi.FigureView resolve(long roundId, long figureId, EvaluationApi.ResolutionRequest request) {
        Caller caller = access.leadBureau();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "处理理由", "Reason", 1000);
        checks.throwIfAny();
        rounds.lock(roundId);
        EvaluationStore.Figure figure = store.figure(roundId, figureId).orElseThrow(() -> noFigure(figureId));
        if (figure.status() != EvaluationStore.FigureStatus.DISPUTED) {
            throw new ConflictException("id", "该数据没有待处理的异议", "The figure has no open dispute");
        }
        EvaluationStore.Indicator indicator = indicator(roundId, figure.indicator());
        BigDecimal value = request.value() == null ? figure.value() : number("value", request.value(), indicator);
        Instant now = EvaluationRounds.now();
        boolean changed = value.compareTo(figure.value()) != 0;
        if (changed) {
            store.replaceFigure(figureId, value, figure.origin(), figure.evidence(), caller.userId(), now);
        }
        store.confirm(figureId, "RESOLUTION", caller.userId(), now);
        store.event(roundId, figure.unit(), figure.indicator(), "RESOLVED", plain(figure.value()), value.toPlainString(),
                changed ? "异议成立，数据已更正 / Dispute upheld, figure corrected" : "维持原数据 / Figure kept", reason, caller.userId(), now);
        process.figuresMaybeConfirmed(roundId);
        return view(store.figure(roundId, figureId).orElseThrow(), access.localities());
    }

    /** The deadline of a round in its confirmation period that has not passed yet on this node's clock. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> notYetDue(long roundId) {
        EvaluationStore.Round round = rounds.find(roundId);
        return round.status() == EvaluationStatus.CONFIRMATION && round.confirmationDue() != null
                && EvaluationRounds.now().isBefore(round.confirmationDue()) ? java.util.Optional.of(round.confirmationDue()) : java.util.Optional.empty();
    }

    /** The deadline passed: every figure neither confirmed nor disputed is confirmed by silence (ConfirmationDeadline's job). */
    @Transactional
    public int confirmBySilence(long roundId) {
        EvaluationStore.Round round = rounds.lock(roundId);
        Instant now = EvaluationRounds.now();
        if (round.status() != EvaluationStatus.CONFIRMATION || round.confirmationDue() == null || now.isBefore(round.confirmationDue())) {
            return 0;
        }
        int confirmed = 0;
        for (EvaluationStore.Figure f : store.figures(roundId)) {
            if (f.status() == EvaluationStore.FigureStatus.ENTERED) {
                store.confirm(f.id(), "SILENCE", "system", now);
                store.event(roundId, f.unit(), f.indicator(), "CONFIRMED_BY_SILENCE", null, plain(f.value()),
                        "确认期限届满未提出异议，视为确认 / Confirmed: the time limit passed without a dispute", null, "system", now);
                confirmed++;
            }
        }
        process.figuresMaybeConfirmed(roundId);
        return confirmed;
    }

    @Transactional(readOnly = true)
    public List<EvaluationApi.EventView> timeline(long roundId, String unit) {
        Caller caller = access.reader();
        rounds.find(roundId);
        if (caller.isInAny(cn.huiqi.identity.Groups.LEAD_BUREAU, cn.huiqi.identity.Groups.POLICY_ADMIN, cn.huiqi.identity.Groups.AUDITOR)) {
            return store.events(roundId, unit == null || unit.isBlank() ? null : unit);
        }
        List<String> own = access.ownLocalities(caller);
        if (own.isEmpty()) {
            throw EvaluationAccess.refused(caller, "read the evaluation timeline");
        }
        String asked = unit == null || unit.isBlank() ? own.get(0) : unit;
        if (!own.contains(asked)) {
            throw EvaluationAccess.refused(caller, "read the timeline of " + asked);
        }
        return store.events(roundId, asked);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static EvaluationApi.FigureView view(EvaluationStore.Figure f, Map<String, String> localities) {
        return new EvaluationApi.FigureView(f.id(), f.unit(), localities.get(f.unit()), f.indicator(), f.value(), f.origin().name(),
                f.evidence(), f.status().name(), statusZh(f.status()), f.disputeReason(), f.confirmedHow(), f.confirmedBy(), f.confirmedAt(),
                f.updatedBy(), f.updatedAt(), f.evidenceFileId(), f.evidenceFileName(),
                f.evidenceFileId() == null ? null : "api/evidence/" + f.evidenceFileId());
    }

    private EvaluationStore.Figure ownFigure(Caller caller, long roundId, long figureId) {
        rounds.find(roundId);
        EvaluationStore.Figure figure = store.figure(roundId, figureId).orElseThrow(() -> noFigure(figureId));
        if (!access.ownLocalities(caller).contains(figure.unit())) {
            throw noFigure(figureId); // another locality's figure answers as an absent one: ids do not leak
        }
        return figure;
    }

    private static NotFoundException noFigure(long figureId) {
        return new NotFoundException("id", "没有编号为 " + figureId + " 的数据", "There is no figure " + figureId);
    }

    private EvaluationStore.Round inConfirmation(long roundId) {
        EvaluationStore.Round round = rounds.lock(roundId);
        if (round.status() != EvaluationStatus.CONFIRMATION) {
            throw new ConflictException("status", "本轮不在数据确认阶段", "The round is not in its confirmation period");
        }
        if (!EvaluationRounds.now().isBefore(round.confirmationDue())) {
            throw new ConflictException("status", "确认期限已过，未提出异议的数据已视为确认", "The confirmation period has ended");
        }
        return round;
    }

    private static void requireOpenForFigures(EvaluationStore.Round round) {
        if (round.status() != EvaluationStatus.DATA_ENTRY && round.status() != EvaluationStatus.CONFIRMATION) {
            throw new ConflictException("status", "本轮已进入评分，数据不能再改", "The round is past data entry and confirmation");
        }
    }

    private EvaluationStore.Indicator indicator(long roundId, String code) {
        rounds.find(roundId);
        return store.indicators(roundId).stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException("indicator", "本轮没有指标 " + code, "The round has no indicator " + code));
    }

    private static BigDecimal number(String field, BigDecimal raw, EvaluationStore.Indicator indicator) {
        if (raw == null || raw.precision() > 20) {
            throw new InvalidInputException(field, indicator.nameZh() + " 须为数值", indicator.code() + " must be a number");
        }
        BigDecimal value = raw.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.scale() > indicator.decimals()) {
            throw new InvalidInputException(field, indicator.nameZh() + (indicator.decimals() == 0 ? " 须为整数" : " 最多" + indicator.decimals() + "位小数"),
                    indicator.code() + " allows " + indicator.decimals() + " decimals");
        }
        if (value.compareTo(indicator.min()) < 0 || value.compareTo(indicator.max()) > 0) {
            throw new InvalidInputException(field, indicator.nameZh() + " 超出合理范围 " + plain(indicator.min()) + " 至 " + plain(indicator.max()),
                    indicator.code() + " is outside " + plain(indicator.min()) + " to " + plain(indicator.max()));
        }
        return value;
    }

    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    static String statusZh(EvaluationStore.FigureStatus status) {
        return switch (status) {
            case ENTERED -> "待确认";
            case DISPUTED -> "有异议";
            case CONFIRMED -> "已确认";
        };
    }

    private static String originZh(EvaluationStore.Origin origin) {
        return switch (origin) {
            case OFFICIAL -> "统计数据";
            case SELF_REPORTED -> "地区自报数据";
            case GXJ -> "市工信局评分";
        };
    }
}
