package cn.huiqi.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Who is signed in: the pages show the name next to their sign-out link (and go to sign in on a 401). */
@RestController
class SignedInUserController {

    private final CurrentCaller currentCaller;

    SignedInUserController(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户及其所属单位 / The signed-in user and its groups")
    Caller me() {
        return currentCaller.get();
    }
}
