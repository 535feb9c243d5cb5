package cn.huiqi.growthreward;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.ApplicationSubmission;
import cn.huiqi.casefile.CaseView;

/** Measure 2 applications: one per enterprise for 2023-07..09. */
@RestController
@RequestMapping("/api/m2/applications")
public class GrowthRewardController {

    private final ApplicationSubmission submission;
    private final GrowthApplicationType type;

    public GrowthRewardController(ApplicationSubmission submission, GrowthApplicationType type) {
        this.submission = submission;
        this.type = type;
    }

    /** Idempotent under {@code Idempotency-Key} (201 new case, 200 the case of an earlier request). */
    @PostMapping
    public ResponseEntity<CaseView> submit(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                           @RequestBody GrowthApplicationRequest body) {
        return submission.submit(type, idempotencyKey, body.asFormFields()).asResponse();
    }
}
