package cn.huiqi.round;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The rounds page's API (/rounds.html); semantics in docs/rounds.md. */
@RestController
@RequestMapping("/api/rounds")
@Tag(name = "申报批次 Application rounds", description = "开设、延期、截止申报批次 / Open, extend and close application rounds")
class RoundsController {

    private final Rounds rounds;

    RoundsController(Rounds rounds) {
        this.rounds = rounds;
    }

    @GetMapping
    @Operation(summary = "各措施的申报批次 / The application rounds of every measure that has them (policy-admin, gxj, camunda-admin, auditor)")
    RoundApi.Listing list() {
        return rounds.list();
    }

    @GetMapping("/open")
    @Operation(summary = "今天受理申请的批次（申报期、业绩期；任何登录用户）/ The rounds taking applications today, with their periods (any signed-in user)")
    java.util.List<RoundApi.OpenRoundView> openToday() {
        return rounds.openToday();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开设批次（锁定各决策表现行版本）/ Open a round; pins the latest version of the measure's tables (policy-admin, gxj)")
    RoundApi.RoundView open(@RequestBody RoundApi.OpenRequest request) {
        return rounds.open(request);
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "延长申报期（须说明理由，留痕）/ Extend the application period, with a reason (policy-admin, gxj)")
    RoundApi.RoundView extend(@PathVariable long id, @RequestBody RoundApi.ExtensionRequest request) {
        return rounds.extend(id, request);
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "提前截止申报（须说明理由）/ Close the round now, with a reason (policy-admin, gxj)")
    RoundApi.RoundView close(@PathVariable long id, @RequestBody RoundApi.ClosureRequest request) {
        return rounds.close(id, request);
    }
}
