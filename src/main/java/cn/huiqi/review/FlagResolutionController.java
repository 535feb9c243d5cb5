package cn.huiqi.review;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;

/**
 * The lead bureau's decision on a flagged case (e.g. an enterprise that held several measure-1 cases before
 * measure 1 became one application per enterprise). Until it decides, the case cannot pass city review and
 * its measure cannot be settled. Deciding to keep the case clears the flag with a recorded reason; a case the
 * bureau does not keep is rejected in city review like any other.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/flag-resolution")
public class FlagResolutionController {

    public record FlagResolution(String reason) {
    }

    private final CaseRecordRepository cases;
    private final CaseTimeline timeline;
    private final CaseViews views;
    private final CurrentCaller currentCaller;

    public FlagResolutionController(CaseRecordRepository cases, CaseTimeline timeline, CaseViews views, CurrentCaller currentCaller) {
        this.cases = cases;
        this.timeline = timeline;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    @PostMapping
    @Transactional
    public CaseView resolve(@PathVariable String caseNumber, @RequestBody FlagResolution request) {
        Caller caller = currentCaller.get();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "处理意见", "Decision and reason", 1000);
        checks.throwIfAny();
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        String lead = caseRecord.getLeadUnit() == null ? Groups.LEAD_BUREAU : caseRecord.getLeadUnit();
        if (!caller.isIn(lead)) {
            throw new AccessDeniedException(caller.userId() + " is not the lead unit of " + caseNumber);
        }
        if (caseRecord.getFlag() == null) {
            throw new ConflictException("caseNumber", "案件 " + caseNumber + " 没有待处理的标记",
                    "Case " + caseNumber + " has no flag to decide on");
        }
        timeline.record(caseRecord, "FLAG_RESOLVED", "市工信局处理标记 / Lead bureau decided on the flag ("
                + caseRecord.getFlag() + ")：保留案件 / keep the case — " + reason);
        caseRecord.clearFlag();
        cases.save(caseRecord);
        return views.withTimeline(caseRecord);
    }
}
