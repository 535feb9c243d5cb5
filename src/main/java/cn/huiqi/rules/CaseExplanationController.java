package cn.huiqi.rules;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;

/** The rule's decision on a case in words ({@link DecisionExplanations}), for whoever may read the case. */
@RestController
class CaseExplanationController {

    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final CaseViews views;
    private final CurrentCaller currentCaller;
    private final DecisionExplanations explanations;

    CaseExplanationController(CaseRecordRepository cases, CaseVisibility visibility, CaseViews views, CurrentCaller currentCaller,
                              DecisionExplanations explanations) {
        this.cases = cases;
        this.visibility = visibility;
        this.views = views;
        this.currentCaller = currentCaller;
        this.explanations = explanations;
    }

    @GetMapping("/api/cases/{caseNumber}/explanation")
    @Transactional(readOnly = true)
    @Operation(summary = "规则认定结果的文字说明 / The rule's decision on the case in words")
    public DecisionExplanations.Explanation explain(@PathVariable String caseNumber) {
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        Caller caller = currentCaller.get();
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException("case " + caseNumber + " is not visible to " + caller.userId());
        }
        return explanations.of(views.summary(caseRecord));
    }
}
