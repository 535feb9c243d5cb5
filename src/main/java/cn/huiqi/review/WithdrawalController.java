package cn.huiqi.review;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.identity.CurrentCaller;

/** The enterprise withdraws its application ({@link ApplicationWithdrawal}): 200 with the case, 409 once verification started, 403 for anyone else. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/withdrawal")
class WithdrawalController {

    public record WithdrawalRequest(String reason) {
    }

    private final ApplicationWithdrawal withdrawal;
    private final CaseViews views;
    private final CurrentCaller currentCaller;

    WithdrawalController(ApplicationWithdrawal withdrawal, CaseViews views, CurrentCaller currentCaller) {
        this.withdrawal = withdrawal;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    @PostMapping
    @Transactional
    @Operation(summary = "企业撤回申请（属地开始核实前，须说明理由，≤500字）/ The enterprise withdraws its application before the locality"
            + " starts verifying (reason required, at most 500 characters)")
    public CaseView withdraw(@PathVariable String caseNumber, @RequestBody(required = false) WithdrawalRequest request) {
        return views.withTimeline(withdrawal.withdraw(currentCaller.get(), caseNumber, request == null ? null : request.reason()));
    }
}
