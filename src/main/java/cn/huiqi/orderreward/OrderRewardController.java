package cn.huiqi.orderreward;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.ApplicationSubmission;
import cn.huiqi.casefile.CaseView;

/** Measure 1 applications for enterprises and integrating systems. */
@RestController
@RequestMapping("/api/m1/applications")
public class OrderRewardController {

    private final ApplicationSubmission submission;
    private final OrderApplicationType type;

    public OrderRewardController(ApplicationSubmission submission, OrderApplicationType type) {
        this.submission = submission;
        this.type = type;
    }

    /**
     * Submits an application. Idempotent under {@code Idempotency-Key}: a retry or a double click
     * with the same key returns the case made by the first request (200) instead of a new one (201).
     */
    @PostMapping
    public ResponseEntity<CaseView> submit(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                           @RequestBody OrderApplicationRequest body) {
        return submission.submit(type, idempotencyKey, body.asFormFields()).asResponse();
    }
}
