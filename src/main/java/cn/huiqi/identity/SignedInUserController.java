package cn.huiqi.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Who is signed in: the pages show the name next to their sign-out button (and go to sign in on a 401). */
@RestController
class SignedInUserController {

    /** name: the person's name from the identity store (first then last, as Chinese names read), or null without one. */
    public record SignedInUser(String userId, String name, List<String> groupIds) {
    }

    private final CurrentCaller currentCaller;
    private final IdentityService identityService;

    SignedInUserController(CurrentCaller currentCaller, IdentityService identityService) {
        this.currentCaller = currentCaller;
        this.identityService = identityService;
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户（姓名）及其所属单位 / The signed-in user, its name and its groups")
    SignedInUser me() {
        Caller caller = currentCaller.get();
        return new SignedInUser(caller.userId(), nameOf(caller.userId()), caller.groupIds());
    }

    private String nameOf(String userId) {
        try {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return null;
            }
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            return name.isEmpty() ? null : name;
        } catch (RuntimeException unavailable) {
            return null; // the identity store does not answer: the pages show no name
        }
    }
}
