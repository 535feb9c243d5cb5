package cn.huiqi.rules;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.claim.ProvisionalRates;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Policy staff confirm the rates of a published decision version whose rates are the system's labelled defaults
 * (M2, M3): from then on the rewards it decided are no longer shown as provisional (claim.ProvisionalRates, V31).
 */
@RestController
@RequestMapping("/api/rules/{key}/versions/{version}/confirmation")
@Tag(name = "规则管理 Rules")
class RateConfirmationController {

    record ConfirmRequest(String note) {
    }

    /** {@code defaultRates}: the version's rates are labelled defaults; {@code confirmed*}: null until confirmed. */
    record RateConfirmationView(String key, int version, boolean defaultRates, boolean provisional, String confirmedBy,
                                Instant confirmedAt, String note) {
    }

    private final RuleRepository repository;
    private final ProvisionalRates rates;
    private final CurrentCaller currentCaller;

    RateConfirmationController(RuleRepository repository, ProvisionalRates rates, CurrentCaller currentCaller) {
        this.repository = repository;
        this.rates = rates;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "该版本的比例是否已确认 / Whether the version's default rates are confirmed (policy-admin, camunda-admin, auditor)")
    public RateConfirmationView get(@PathVariable String key, @PathVariable int version) {
        require(Groups.POLICY_ADMIN, Groups.CAMUNDA_ADMIN, Groups.AUDITOR);
        return view(repository.get(key, version));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "确认该版本的系统默认比例（此后按其认定的奖励不再标注暂定）/ Confirm the version's default rates (policy-admin)")
    public RateConfirmationView confirm(@PathVariable String key, @PathVariable int version, @RequestBody(required = false) ConfirmRequest request) {
        Caller caller = require(Groups.POLICY_ADMIN);
        FieldChecks checks = new FieldChecks();
        String note = checks.requiredText("note", request == null ? null : request.note(), "确认说明（如政策部门文件）",
                "Confirmation note (e.g. the policy office's document)", 1000);
        checks.throwIfAny();
        RuleRepository.Version found = repository.get(key, version);
        if (!rates.usesDefaultRates(found.key(), found.definitionId())) {
            throw new ConflictException("version", "决策表 " + key + " 第 " + version + " 版没有系统默认比例，无需确认",
                    key + " version " + version + " has no default rates to confirm");
        }
        rates.confirmation(key, version).ifPresent(c -> {
            throw new ConflictException("version", "决策表 " + key + " 第 " + version + " 版的比例已由 " + c.confirmedBy() + " 确认",
                    key + " version " + version + " was already confirmed by " + c.confirmedBy());
        });
        try {
            rates.confirm(key, version, found.definitionId(), note, caller.userId());
        } catch (org.springframework.dao.DuplicateKeyException e) { // confirmed at the same moment by someone else
            throw new ConflictException("version", "决策表 " + key + " 第 " + version + " 版的比例已被确认",
                    key + " version " + version + " was already confirmed");
        }
        return view(found);
    }

    private RateConfirmationView view(RuleRepository.Version found) {
        boolean defaults = rates.usesDefaultRates(found.key(), found.definitionId());
        return rates.confirmation(found.key(), found.version())
                .map(c -> new RateConfirmationView(found.key(), found.version(), defaults, false, c.confirmedBy(), c.confirmedAt(), c.note()))
                .orElse(new RateConfirmationView(found.key(), found.version(), defaults, defaults, null, null, null));
    }

    private Caller require(String... groups) {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(groups)) {
            throw new AccessDeniedException(caller.userId() + " may not confirm rule rates");
        }
        return caller;
    }
}
