package cn.huiqi.identity;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint under /api that answers with the caller an app controller sees. */
@TestConfiguration(proxyBeanMethods = false)
@RestController
class CallerEchoController {

    static final String PATH = "/api/test/identity/caller";

    private final CurrentCaller currentCaller;

    CallerEchoController(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @GetMapping(PATH)
    Caller caller() {
        return currentCaller.get();
    }
}
