package cn.huiqi.assistance;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.process.RuleVersions;
import cn.huiqi.unit.UnitRepository;

/**
 * The steps of {@code bpmn/m7-assistance-demand.bpmn} ({@code ${demandSteps.…}}). Every end listener of a user task
 * checks what the task's contract let the worker write ({@link DemandTaskContracts}) — a bad value is a bilingual 400
 * and the completion rolls back — and writes the result to the demand record, the case's status and its timeline.
 * Who acts next and every limit come from the record (the routing result stored on it), never from a variable.
 */
@Component("demandSteps")
public class DemandSteps {

    static final String ROUTING = AssistanceMeasure.ROUTING_TABLE;
    /** Working days past the handling limit after which gxj gets a 督办 task (issue 17 item 4). */
    static final int SUPERVISE_AFTER = 5;
    static final String OVERDUE_SUPERVISION_OPENED = "DEMAND_OVERDUE_SUPERVISION_OPENED";

    private final CaseOfProcess caseOfProcess;
    private final CaseRecordRepository cases;
    private final DemandRepository demands;
    private final AssignmentRepository assignments;
    private final CaseLifecycles lifecycles;
    private final CaseTimeline timeline;
    private final RuleVersions ruleVersions;
    private final DecisionService decisions;
    private final EngineAsSystem system;
    private final UnitRepository units;
    private final EnterpriseRegister enterprises;
    private final WorkingDays workingDays;

    DemandSteps(CaseOfProcess caseOfProcess, CaseRecordRepository cases, DemandRepository demands, AssignmentRepository assignments,
                CaseLifecycles lifecycles, CaseTimeline timeline, RuleVersions ruleVersions, DecisionService decisions,
                EngineAsSystem system, UnitRepository units, EnterpriseRegister enterprises, WorkingDays workingDays) {
        this.caseOfProcess = caseOfProcess;
        this.cases = cases;
        this.demands = demands;
        this.assignments = assignments;
        this.lifecycles = lifecycles;
        this.timeline = timeline;
        this.ruleVersions = ruleVersions;
        this.decisions = decisions;
        this.system = system;
        this.units = units;
        this.enterprises = enterprises;
        this.workingDays = workingDays;
    }

    // ---- who acts: from the record ----------------------------------------------------------------------------

    /** Candidate group of 办理: the responsible unit stored on the demand by the routing step (or gxj's transfer). */
    public String handlingUnitOf(DelegateExecution execution) {
        String unit = demandOf(caseOfProcess.of(execution)).getResponsibleUnit();
        if (unit == null) {
            throw new IllegalStateException("demand " + caseOfProcess.of(execution).getCaseNumber() + " has no responsible unit");
        }
        return unit;
    }

    /** Assignee of the enterprise's tasks (补充信息, 回访评价): the account acting for the case's enterprise. */
    public String applicantOf(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        return enterprises.accountActingFor(caseRecord.getEnterpriseId(), caseRecord.getSubmittedBy())
                .orElse(caseRecord.getSubmittedBy());
    }

    /** End of the enterprise's revisit period: revisitDays working days from the reply (boundary timer). */
    public Date revisitDeadline(DelegateExecution execution) {
        Demand demand = demandOf(caseOfProcess.of(execution));
        return Date.from(workingDays.deadline(now(), demand.getRevisitDays() == null ? 5 : demand.getRevisitDays()));
    }

    /**
     * Start of every user task: the fields a worker may write are cleared first, so each completion is judged on what
     * it sent itself, never on what an earlier step left behind.
     */
    public void fresh(DelegateExecution execution) {
        execution.removeVariables(DemandTaskContracts.ALL_FIELDS);
    }

    /** Gateway after handling: the demand was reported upward (the record says so). */
    public boolean reportedUpward(DelegateExecution execution) {
        return demandOf(caseOfProcess.of(execution)).isReportedUpward();
    }

    /**
     * Gateway after the long-overdue timer of 办理: gxj gets one 督办 task per round of handling (the round starts at
     * the assignment or a reopening), however often the task is created again within it.
     */
    public boolean firstOverdueSupervision(DelegateExecution execution) {
        java.util.List<cn.huiqi.casefile.CaseEvent> events = timeline.of(caseOfProcess.of(execution));
        for (int i = events.size() - 1; i >= 0; i--) {
            String action = events.get(i).getAction();
            if (OVERDUE_SUPERVISION_OPENED.equals(action)) {
                return false;
            }
            if ("DEMAND_ASSIGNED".equals(action) || "DEMAND_REOPENED".equals(action)) {
                return true;
            }
        }
        return true;
    }

    /** Start of Task_OverdueSupervision: the timeline says gxj supervises this round. */
    public void overdueSupervisionOpened(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        timeline.record(caseRecord, OVERDUE_SUPERVISION_OPENED, "办理超过时限" + SUPERVISE_AFTER + "个工作日，市工信局督办 / "
                + SUPERVISE_AFTER + " working days past the handling limit: supervised by gxj");
    }

    // ---- 受理 ----------------------------------------------------------------------------------------------------

    /** End of Task_Accept: accept (category/scope confirmed or corrected), merge into an open demand, or decline. */
    public void accepted(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        String decision = choice(checks, execution, "decision", "受理结论：accept 受理、merge 合并、decline 不予受理",
                "The decision: accept, merge or decline", "accept", "merge", "decline");
        switch (decision == null ? "" : decision) {
            case "accept" -> {
                DemandCategory category = optionalEnum(checks, execution, "category", DemandCategory.class, "诉求类别", "Category");
                DemandScope scope = optionalEnum(checks, execution, "scope", DemandScope.class, "诉求层面", "Scope");
                Utility utility = optionalEnum(checks, execution, "utility", Utility.class, "水电气类型", "Utility");
                DemandCategory finalCategory = category != null ? category : demand.getCategory();
                Utility finalUtility = utility != null ? utility : demand.getUtility();
                if (finalCategory == DemandCategory.UTILITIES && finalUtility == null) {
                    checks.add("utility", "水电气要素保障类诉求须选择供电、供水或燃气", "A utilities demand needs ELECTRICITY, WATER or GAS");
                }
                if (finalCategory != DemandCategory.UTILITIES && utility != null) {
                    checks.add("utility", "只有水电气要素保障类诉求填写水电气类型", "Only a utilities demand takes a utility");
                }
                if (scope == null && demand.getScope() == null) {
                    checks.add("scope", "请确认诉求层面：属地层面 LOCALITY 或市级层面 CITY", "Confirm the scope: LOCALITY or CITY");
                }
                checks.throwIfAny();
                demand.setCategory(finalCategory);
                demand.setUtility(finalCategory == DemandCategory.UTILITIES ? finalUtility : null);
                if (scope != null) {
                    demand.setScope(scope);
                }
                demand.setAcceptedAt(now());
                demands.update(demand);
                timeline.record(caseRecord, "DEMAND_ACCEPTED", "受理诉求 / Accepted: " + demand.getCategory().label().both()
                        + "，" + demand.getScope().label().both() + (demand.getUtility() == null ? "" : "，" + demand.getUtility().label().both()));
                lifecycles.moveTo(caseRecord, DemandStatus.ACCEPTED);
            }
            case "merge" -> {
                String into = checks.requiredText("mergeInto", execution.getVariable("mergeInto"), "合并到的诉求编号",
                        "The case number of the demand to merge into", 40);
                CaseRecord target = into == null ? null : cases.findByCaseNumber(into).orElse(null);
                if (into != null && (target == null || !AssistanceMeasure.ID.equals(target.getMeasure())
                        || !target.getEnterpriseId().equals(caseRecord.getEnterpriseId()) || target.getId().equals(caseRecord.getId())
                        || lifecycles.statusOf(target).isFinal())) {
                    checks.add("mergeInto", "只能合并到同一企业另一件未办结的诉求：" + into,
                            "A demand merges only into another open demand of the same enterprise: " + into);
                }
                String reason = optionalText(checks, execution, "reason", "合并说明", "The note on merging");
                checks.throwIfAny();
                demand.setMergedInto(target.getId());
                demand.setAcceptedAt(now());
                demands.update(demand);
                timeline.record(caseRecord, "DEMAND_MERGED", "与诉求 " + target.getCaseNumber() + " 合并办理 / Merged into "
                        + target.getCaseNumber() + (reason == null ? "" : " — " + reason));
                timeline.record(target, "DEMAND_MERGED_IN", "同一企业的诉求 " + caseRecord.getCaseNumber() + " 并入本件办理 / Demand "
                        + caseRecord.getCaseNumber() + " of the same enterprise merged into this one");
                lifecycles.moveTo(caseRecord, DemandStatus.MERGED);
            }
            case "decline" -> {
                String reason = checks.requiredText("reason", execution.getVariable("reason"), "不予受理的理由（企业可见）",
                        "The reason for declining (the enterprise reads it)", 1000);
                checks.throwIfAny();
                demand.setDeclineReason(reason);
                demand.setAcceptedAt(now());
                demands.update(demand);
                timeline.record(caseRecord, "DEMAND_DECLINE", "不予受理 / Declined — " + reason);
                lifecycles.moveTo(caseRecord, DemandStatus.DECLINED);
            }
            default -> checks.throwIfAny();
        }
    }

    // ---- 分办 ----------------------------------------------------------------------------------------------------

    /**
     * Service task after acceptance: DMN demand-routing at the version in force for the case (RuleVersions: the
     * pin, else the latest), fed from the demand record; its result and version are stored on the record, the
     * responsible unit is assigned.
     */
    public void route(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        DecisionDefinition definition = ruleVersions.inForce(CaseOfProcess.rootOf(execution).getId(), ROUTING);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("category", demand.getCategory().name());
        inputs.put("scope", demand.getScope().name());
        inputs.put("utility", demand.getUtility() == null ? null : demand.getUtility().name());
        DmnDecisionResultEntries result = system.call(() -> decisions.evaluateDecisionById(definition.getId())
                .variables(inputs).evaluate()).getSingleResult();
        if (result == null) {
            throw new IllegalStateException("demand-routing v" + definition.getVersion() + " has no rule for " + inputs);
        }
        String unit = String.valueOf((Object) result.getEntry("unit"));
        String resolved = "locality".equals(unit) ? caseRecord.getLocalityUnitId() : unit;
        if (units.findById(resolved).filter(u -> !u.isInstitution()).isEmpty()) {
            throw new IllegalStateException("demand-routing v" + definition.getVersion() + " names unit '" + unit + "', which does not exist");
        }
        demand.setRoutingVersion(definition.getVersion());
        demand.setResponsibleUnit(resolved);
        demand.setCoordinatedByGxj(Boolean.TRUE.equals(result.getEntry("coordinatedByGxj")));
        demand.setAcceptDays(intOf(result.getEntry("acceptDays")));
        demand.setHandlingDays(intOf(result.getEntry("handlingDays")));
        demand.setExtensionDays(intOf(result.getEntry("extensionDays")));
        demand.setRevisitDays(intOf(result.getEntry("revisitDays")));
        demand.setSilenceMeans(result.getEntry("silenceMeans") == null ? null : result.getEntry("silenceMeans").toString());
        Instant acceptBy = workingDays.deadline(demand.getSubmittedAt(), demand.getAcceptDays() == null ? 1 : demand.getAcceptDays());
        demand.setAcceptedOnTime(demand.getAcceptedAt() != null && !demand.getAcceptedAt().isAfter(acceptBy));
        demands.update(demand);
        assignments.insert(new Assignment(caseRecord.getId(), resolved, now()));
        timeline.record(caseRecord, "DEMAND_ASSIGNED", "按分办规则 demand-routing v" + definition.getVersion() + " 交由 " + unitName(resolved)
                + " 办理，办理时限 " + demand.getHandlingDays() + " 个工作日（系统默认值，待政策部门确认）/ Assigned to " + resolved
                + " by demand-routing v" + definition.getVersion() + ", " + demand.getHandlingDays() + " working days (system default)");
        lifecycles.moveTo(caseRecord, DemandStatus.ASSIGNED);
    }

    // ---- 办理 ----------------------------------------------------------------------------------------------------

    /** End of Task_Handle: reply, transfer back (once), ask the enterprise, request an extension (once) or report upward. */
    public void handled(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        String action = choice(checks, execution, "action", "办理结果：reply 答复、transfer 退回、askInfo 请企业补充、extend 申请延期、reportUpward 申请上报",
                "The action: reply, transfer, askInfo, extend or reportUpward", "reply", "transfer", "askInfo", "extend", "reportUpward");
        String unit = demand.getResponsibleUnit();
        switch (action == null ? "" : action) {
            case "reply" -> {
                ReplyOutcome outcome = optionalEnum(checks, execution, "replyOutcome", ReplyOutcome.class, "答复结果", "Reply outcome");
                if (outcome == null && !checks.has("replyOutcome")) {
                    checks.add("replyOutcome", "答复须选择办理结果：SOLVED 已解决、PARTLY_SOLVED 部分解决、NOT_NOW 暂不能解决",
                            "A reply needs its outcome: SOLVED, PARTLY_SOLVED or NOT_NOW");
                }
                String text = checks.requiredText("text", execution.getVariable("text"), "答复内容（企业可见）", "The reply (the enterprise reads it)", 2000);
                checks.throwIfAny();
                Instant now = now();
                Date due = dueOfTask(execution);
                demand.setReplyOutcome(outcome);
                demand.setReplyText(text);
                demand.setRepliedAt(now);
                demand.setRepliedOnTime(due == null || !now.isAfter(due.toInstant()));
                demands.update(demand);
                timeline.record(caseRecord, "DEMAND_REPLY", unitName(unit) + " 答复：" + outcome.label().both() + " — " + text);
                lifecycles.moveTo(caseRecord, DemandStatus.REPLIED);
            }
            case "transfer" -> {
                if (demand.isTransferred()) {
                    checks.add("action", "本诉求已退回过一次，不能再退回；请办理或申请上报", "This demand was transferred back once already; it cannot be again");
                }
                String reason = checks.requiredText("text", execution.getVariable("text"), "退回理由", "The reason for transferring back", 1000);
                checks.throwIfAny();
                demand.setTransferred(true);
                demands.update(demand);
                timeline.record(caseRecord, "DEMAND_TRANSFER_BACK", unitName(unit) + " 申请退回，由市工信局重新确定办理单位 / Transfer back requested — " + reason);
                lifecycles.moveTo(caseRecord, DemandStatus.TRANSFER_REQUESTED);
            }
            case "askInfo" -> {
                String question = checks.requiredText("text", execution.getVariable("text"), "请企业补充的内容", "What the enterprise is asked for", 1000);
                checks.throwIfAny();
                timeline.record(caseRecord, "DEMAND_INFO_REQUEST", unitName(unit) + " 请企业补充信息（办理时限暂停计算）/ Information requested — " + question);
                lifecycles.moveTo(caseRecord, DemandStatus.WAITING_ENTERPRISE);
            }
            case "extend" -> {
                if (demand.isExtended()) {
                    checks.add("action", "本诉求已延期一次，不能再申请延期", "This demand has had its one extension");
                }
                String reason = checks.requiredText("text", execution.getVariable("text"), "延期理由", "The reason for the extension", 1000);
                checks.throwIfAny();
                timeline.record(caseRecord, "DEMAND_EXTENSION_REQUEST", unitName(unit) + " 申请延期 " + demand.getExtensionDays()
                        + " 个工作日 / Extension requested — " + reason);
            }
            case "reportUpward" -> {
                String reason = checks.requiredText("text", execution.getVariable("text"), "申请上报的理由（超出本市权限的问题）",
                        "Why it goes upward (beyond the city's power)", 1000);
                checks.throwIfAny();
                timeline.record(caseRecord, "DEMAND_UPWARD_REQUEST", unitName(unit) + " 申请上报 / Upward report requested — " + reason);
            }
            default -> checks.throwIfAny();
        }
    }

    /** End of Task_DecideTransfer (gxj): the unit that handles the demand now. */
    public void transferDecided(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        String unit = checks.asciiToken("unit", execution.getVariable("unit"), "办理单位", "The handling unit", 64);
        if (unit != null && units.findById(unit).filter(u -> !u.isInstitution()).isEmpty()) {
            checks.add("unit", "没有单位 " + unit, "There is no unit " + unit);
        }
        String reason = optionalText(checks, execution, "reason", "说明", "The note");
        checks.throwIfAny();
        Instant now = now();
        assignments.endOpen(caseRecord.getId(), now, "TRANSFERRED");
        assignments.insert(new Assignment(caseRecord.getId(), unit, now));
        demand.setResponsibleUnit(unit);
        demands.update(demand);
        timeline.record(caseRecord, "DEMAND_TRANSFERRED", "市工信局确定办理单位：" + unitName(unit) + " / Handling unit decided by gxj: " + unit
                + (reason == null ? "" : " — " + reason));
        lifecycles.moveTo(caseRecord, DemandStatus.ASSIGNED);
    }

    /** End of Task_ProvideInfo (the enterprise): its addition goes to the timeline; the handling clock resumes. */
    public void infoProvided(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        FieldChecks checks = new FieldChecks();
        String text = checks.requiredText("text", execution.getVariable("text"), "补充的信息", "The information", 2000);
        checks.throwIfAny();
        timeline.record(caseRecord, "DEMAND_ADDITION", "企业补充信息 / The enterprise adds — " + text);
        lifecycles.moveTo(caseRecord, DemandStatus.ASSIGNED);
    }

    /** End of Task_ApproveExtension (gxj): approve (the handling limit grows by extensionDays) or refuse. */
    public void extensionDecided(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        String decision = choice(checks, execution, "decision", "延期审批结论：approve 同意、refuse 不同意", "The decision: approve or refuse",
                "approve", "refuse");
        String reason = "refuse".equals(decision)
                ? checks.requiredText("reason", execution.getVariable("reason"), "不同意延期的理由", "The reason for refusing", 1000)
                : optionalText(checks, execution, "reason", "说明", "The note");
        checks.throwIfAny();
        if ("approve".equals(decision)) {
            demand.setExtended(true);
            demands.update(demand);
            timeline.record(caseRecord, "DEMAND_EXTENDED", "市工信局同意延期 " + demand.getExtensionDays() + " 个工作日 / Extension of "
                    + demand.getExtensionDays() + " working days approved" + (reason == null ? "" : " — " + reason));
        } else {
            timeline.record(caseRecord, "DEMAND_EXTENSION_REFUSED", "市工信局不同意延期 / Extension refused — " + reason);
        }
    }

    /** End of Task_ReportUpward (gxj): reported (to whom, reference) — final — or handled in the city after all. */
    public void upwardDecided(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        String decision = choice(checks, execution, "decision", "上报结论：report 上报、handleLocally 退回本市办理",
                "The decision: report or handleLocally", "report", "handleLocally");
        if ("report".equals(decision)) {
            String to = checks.requiredText("upwardTo", execution.getVariable("upwardTo"), "上报至（单位）", "Reported to (body)", 200);
            String ref = optionalText(checks, execution, "upwardRef", "上报文号", "The report's reference");
            checks.throwIfAny();
            Instant now = now();
            demand.setReportedUpward(true);
            demand.setUpwardTo(to);
            demand.setUpwardRef(ref);
            demand.setClosedAt(now);
            demands.update(demand);
            endAssignments(caseRecord, now, "REPORTED_UPWARD");
            timeline.record(caseRecord, "DEMAND_REPORTED_UPWARD", "超出本市权限，已上报 " + to + (ref == null ? "" : "（" + ref + "）")
                    + " / Beyond the city's power, reported upward to " + to + (ref == null ? "" : " (" + ref + ")"));
            lifecycles.moveTo(caseRecord, DemandStatus.REPORTED_UPWARD);
        } else {
            String reason = checks.requiredText("reason", execution.getVariable("reason"), "退回本市办理的理由", "Why it is handled in the city", 1000);
            checks.throwIfAny();
            timeline.record(caseRecord, "DEMAND_UPWARD_REFUSED", "市工信局：不上报，继续办理 / Not reported upward, handled in the city — " + reason);
        }
    }

    // ---- 回访 ----------------------------------------------------------------------------------------------------

    /** End of Task_Revisit (the enterprise): its rating. */
    public void rated(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        Rating rating = optionalEnum(checks, execution, "rating", Rating.class, "评价", "Rating");
        if (rating == null && !checks.has("rating")) {
            checks.add("rating", "请评价：SATISFIED 满意、BASICALLY_SATISFIED 基本满意、DISSATISFIED 不满意",
                    "Rate it: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        String comment = optionalText(checks, execution, "comment", "评价意见", "The comment");
        checks.throwIfAny();
        demand.setRating(rating);
        demand.setRatingBySilence(false);
        demands.update(demand);
        timeline.record(caseRecord, "DEMAND_RATED", "企业评价：" + rating.label().both() + (comment == null ? "" : " — " + comment));
    }

    /** The revisit period passed without a rating: it counts as the routing table's silenceMeans (a labelled default). */
    public void silent(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        Rating rating = demand.getSilenceMeans() == null ? Rating.SATISFIED : Rating.valueOf(demand.getSilenceMeans());
        demand.setRating(rating);
        demand.setRatingBySilence(true);
        demands.update(demand);
        timeline.record(caseRecord, "DEMAND_RATED_BY_SILENCE", "回访期满企业未评价，按分办规则视为" + rating.label().zh()
                + "（系统默认值，待政策部门确认）/ No rating within the revisit period: counts as " + rating.label().en() + " (system default)");
    }

    /** Gateway after the rating: 不满意 and the one reopening not used yet → gxj 督办. */
    public boolean reopenable(DelegateExecution execution) {
        Demand demand = demandOf(caseOfProcess.of(execution));
        return demand.getRating() == Rating.DISSATISFIED && !demand.isReopened();
    }

    /** End of Task_Supervise (gxj 督办): reopen (once) or close as it stands. */
    public void supervised(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        FieldChecks checks = new FieldChecks();
        String decision = choice(checks, execution, "decision", "督办结论：reopen 督办重办、close 办结", "The decision: reopen or close", "reopen", "close");
        String reason = checks.requiredText("reason", execution.getVariable("reason"), "督办意见", "The supervision note", 1000);
        checks.throwIfAny();
        if ("reopen".equals(decision)) {
            demand.setReopened(true);
            demand.setReplyOutcome(null);
            demand.setRating(null);
            demands.update(demand);
            timeline.record(caseRecord, "DEMAND_REOPENED", "市工信局督办，重新办理 / Reopened under gxj supervision — " + reason);
            lifecycles.moveTo(caseRecord, DemandStatus.REOPENED);
        } else {
            timeline.record(caseRecord, "DEMAND_SUPERVISION_CLOSE", "市工信局督办：按现答复办结 / Closed as replied — " + reason);
        }
    }

    /** The closing step: status CLOSED, its time, the assignment ended. */
    public void close(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        Demand demand = demandOf(caseRecord);
        Instant now = now();
        demand.setClosedAt(now);
        demands.update(demand);
        endAssignments(caseRecord, now, "CLOSED");
        timeline.record(caseRecord, "DEMAND_CLOSED", "诉求办结 / Closed" + (demand.getRating() == null ? ""
                : "：" + demand.getRating().label().both() + (demand.isRatingBySilence() ? "（视同）/ (by silence)" : "")));
        lifecycles.moveTo(caseRecord, DemandStatus.CLOSED);
    }

    /** End of Task_OverdueSupervision (gxj's 督办 of a step long past its limit): its note. */
    public void overdueSupervised(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FieldChecks checks = new FieldChecks();
        String note = checks.requiredText("note", execution.getVariable("note"), "督办意见", "The supervision note", 1000);
        checks.throwIfAny();
        timeline.record(caseOfProcess.of(execution), "DEMAND_OVERDUE_SUPERVISION", "市工信局超期督办 / Overdue supervision — " + note);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    Demand demandOf(CaseRecord caseRecord) {
        return demands.findById(caseRecord.getId()).orElseThrow(() -> new IllegalStateException("case " + caseRecord.getCaseNumber() + " has no demand row"));
    }

    private void endAssignments(CaseRecord caseRecord, Instant at, String reason) {
        assignments.endOpen(caseRecord.getId(), at, reason);
    }

    private String unitName(String unitId) {
        return units.findById(unitId).map(unit -> unit.getNameZh()).orElse(unitId);
    }

    /** The due date of the 办理 task just completed (its history: the running task is gone by the end listener). */
    private static Date dueOfTask(DelegateExecution execution) {
        return execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(execution.getCurrentActivityId())
                .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1).stream()
                .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getDueDate).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String choice(FieldChecks checks, DelegateExecution execution, String field, String zh, String en, String... allowed) {
        Object raw = execution.getVariable(field);
        for (String value : allowed) {
            if (value.equals(raw)) {
                return value;
            }
        }
        checks.add(field, "请选择" + zh, "Choose " + en);
        return null;
    }

    private static <E extends Enum<E>> E optionalEnum(FieldChecks checks, DelegateExecution execution, String field, Class<E> type,
                                                      String zh, String en) {
        Object raw = execution.getVariable(field);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(raw.toString())) {
                return value;
            }
        }
        checks.add(field, zh + "不正确：" + raw, en + " is not valid: " + raw);
        return null;
    }

    private static String optionalText(FieldChecks checks, DelegateExecution execution, String field, String zh, String en) {
        Object raw = execution.getVariable(field);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        return checks.requiredText(field, raw, zh, en, 1000);
    }

    private static Integer intOf(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

}
