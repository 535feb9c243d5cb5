package cn.huiqi.investmentreward;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.ApplicationSubmission;
import cn.huiqi.casefile.CaseView;

/** Measure 3 applications: one per library project. */
@RestController
@RequestMapping("/api/m3/applications")
public class InvestmentRewardController {

    private final ApplicationSubmission submission;
    private final InvestmentApplicationType type;

    public InvestmentRewardController(ApplicationSubmission submission, InvestmentApplicationType type) {
        this.submission = submission;
        this.type = type;
    }

    /** Idempotent under {@code Idempotency-Key} (201 new case, 200 the case of an earlier request). */
    @PostMapping
    public ResponseEntity<CaseView> submit(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                           @RequestBody InvestmentApplicationRequest body) {
        return submission.submit(type, idempotencyKey, body.asFormFields()).asResponse();
    }
}
