package cn.huiqi.identity;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints: the caller an /api controller sees, and what the engine holds outside the API chain. */
// @TestComponent keeps component scanning (and so every other test context) from picking it up
@TestComponent
@RestController
class CallerEchoController {

    static final String PATH = "/api/test/identity/caller";
    static final String LEFTOVER_PATH = "/test/identity/leftover-engine-caller";

    private final CurrentCaller currentCaller;
    private final IdentityService identityService;

    CallerEchoController(CurrentCaller currentCaller, IdentityService identityService) {
        this.currentCaller = currentCaller;
        this.identityService = identityService;
    }

    @GetMapping(PATH)
    Caller caller() {
        return currentCaller.get();
    }

    /** Outside the API chain: which caller the engine still holds on this (pooled) servlet thread. */
    @GetMapping(LEFTOVER_PATH)
    Map<String, String> leftoverEngineCaller() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return Map.of("userId", authentication == null ? "" : String.valueOf(authentication.getUserId()));
    }
}
