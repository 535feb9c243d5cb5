package cn.huiqi.review;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.process.EngineAsSystem;

/**
 * Objections during the public notice (公示). The lead bureau records them (they reach it by letter,
 * hotline or visit); an objection sends the case back to city review.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/objections")
class ObjectionController {

    public static final String MESSAGE = "case-objection";

    public record ObjectionRequest(String reason) {
    }

    private final CaseRecordRepository cases;
    private final CaseTimeline timeline;
    private final CaseViews views;
    private final CurrentCaller currentCaller;
    private final RuntimeService runtimeService;
    private final CaseLifecycles lifecycles;
    private final EngineAsSystem engineAsSystem;

    public ObjectionController(CaseRecordRepository cases, CaseTimeline timeline, CaseViews views,
                               CurrentCaller currentCaller, RuntimeService runtimeService, EngineAsSystem engineAsSystem,
                               CaseLifecycles lifecycles) {
        this.lifecycles = lifecycles;
        this.cases = cases;
        this.timeline = timeline;
        this.views = views;
        this.currentCaller = currentCaller;
        this.runtimeService = runtimeService;
        this.engineAsSystem = engineAsSystem;
    }

    @PostMapping
    @Transactional
    public CaseView raise(@PathVariable String caseNumber, @RequestBody ObjectionRequest request) {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(Groups.LEAD_BUREAU, Groups.POLICY_ADMIN, Groups.CAMUNDA_ADMIN)) {
            throw new AccessDeniedException(caller.userId() + " may not record objections");
        }
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "异议理由", "Objection reason", 1000);
        checks.throwIfAny();
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        if (!caseRecord.is(RewardStatus.PUBLIC_NOTICE)) {
            CaseStatus now = lifecycles.statusOf(caseRecord);
            throw new ConflictException("caseNumber", "案件 " + caseNumber + " 不在公示期（当前：" + now.zh() + "），不能提出异议",
                    "Case " + caseNumber + " is not under public notice (now: " + now.en() + ")");
        }
        timeline.record(caseRecord, "OBJECTION_RAISED", "公示异议 / Objection: " + reason);
        engineAsSystem.call(() -> runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(caseRecord.getCaseNumber())
                .setVariables(Map.of("objectionReason", reason))
                .correlateWithResult());
        return views.withTimeline(caseRecord);
    }
}
