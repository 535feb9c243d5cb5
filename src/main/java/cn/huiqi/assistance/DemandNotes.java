package cn.huiqi.assistance;

import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * A line on a demand's timeline: the handling unit's progress note ({@link #NOTE}, a unit the demand is assigned to
 * now) or the enterprise's addition ({@link #ADDITION}, a user acting for it). Anybody else: 404 for an unknown or
 * non-demand case, 403 as the case API answers.
 */
@Component
class DemandNotes {

    static final String NOTE = "DEMAND_NOTE";
    static final String ADDITION = "DEMAND_ADDITION";
    static final int TEXT_MAX = 2000;

    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final DemandVisibility demandVisibility;
    private final EnterpriseRegister register;
    private final CaseTimeline timeline;
    private final CaseLifecycles lifecycles;

    DemandNotes(CaseRecordRepository cases, CaseVisibility visibility, DemandVisibility demandVisibility,
                EnterpriseRegister register, CaseTimeline timeline, CaseLifecycles lifecycles) {
        this.cases = cases;
        this.visibility = visibility;
        this.demandVisibility = demandVisibility;
        this.register = register;
        this.timeline = timeline;
        this.lifecycles = lifecycles;
    }

    /** The demand case of this number that the caller may read: 404 when there is none, 403 when it is not theirs. */
    CaseRecord readable(Caller caller, String caseNumber) {
        CaseRecord caseRecord = cases.findByCaseNumber(caseNumber).filter(c -> AssistanceMeasure.ID.equals(c.getMeasure()))
                .orElseThrow(() -> new NotFoundException("caseNumber", "诉求 " + caseNumber + " 不存在",
                        "Demand " + caseNumber + " does not exist"));
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException("demand " + caseNumber + " is not visible to " + caller.userId());
        }
        return caseRecord;
    }

    @Transactional
    String add(Caller caller, String caseNumber, Map<String, Object> body) {
        CaseRecord caseRecord = readable(caller, caseNumber);
        String kind;
        if (caller.isIn(Groups.ENTERPRISE)) {
            kind = ADDITION; // visible to an enterprise user only when it acts for the case's enterprise
        } else if (demandVisibility.assignedNow(caller, caseRecord.getId())) {
            kind = NOTE;
        } else {
            throw new AccessDeniedException("only the enterprise or the unit handling demand " + caseNumber + " writes on it");
        }
        FieldChecks checks = new FieldChecks();
        for (String field : body.keySet()) {
            if (!"text".equals(field)) {
                checks.add(field, "不认识的字段 " + field, "Unknown field " + field);
            }
        }
        String text = DemandFields.text(checks, "text", body.get("text"), kind.equals(NOTE) ? "办理进展" : "补充内容",
                kind.equals(NOTE) ? "The progress note" : "The addition", TEXT_MAX);
        checks.throwIfAny();
        if (lifecycles.statusOf(caseRecord).isFinal()) {
            throw new ConflictException("caseNumber", "诉求 " + caseNumber + " 已" + lifecycles.statusOf(caseRecord).zh()
                    + "，不能再添加内容", "Demand " + caseNumber + " is " + lifecycles.statusOf(caseRecord).en().toLowerCase()
                    + "; nothing can be added any more");
        }
        timeline.record(caseRecord, kind, text);
        return kind;
    }
}
