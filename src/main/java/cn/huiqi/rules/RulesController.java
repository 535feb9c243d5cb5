package cn.huiqi.rules;

import java.util.List;

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

/** The rules page's API (/rules.html); semantics in docs/rules.md. */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "规则管理 Rules", description = "决策表查看、试算、发布、回滚；案件重新认定 / Decision tables: view, what-if, publish, roll back; case re-evaluation")
public class RulesController {

    private final RulesService rules;

    public RulesController(RulesService rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "所有决策表及现行版本 / Every decision with its version in force (policy-admin, camunda-admin, auditor)")
    public RuleApi.Catalog catalog() {
        return rules.catalog();
    }

    @GetMapping("/{key}")
    @Operation(summary = "现行版本、全部版本与发布记录 / Version in force, all versions and the publication audit")
    public RuleApi.DecisionDetail detail(@PathVariable String key) {
        return rules.detail(key);
    }

    @GetMapping("/{key}/versions/{version}")
    @Operation(summary = "某一版本的决策表；审核人员可查看认定其案件的版本 / One version; readable by whoever may read a case it decided")
    public RuleApi.VersionDetail version(@PathVariable String key, @PathVariable int version) {
        return rules.version(key, version);
    }

    @GetMapping("/{key}/publications")
    @Operation(summary = "发布记录（含规则差异）/ Publication audit with the rule diff")
    public List<RuleApi.PublicationView> publications(@PathVariable String key) {
        return rules.publications(key);
    }

    @PostMapping("/{key}/validate")
    @Operation(summary = "校验草稿 / Validate a draft (policy-admin)")
    public RuleApi.Validation validate(@PathVariable String key, @RequestBody RuleApi.DraftRequest request) {
        return rules.validate(key, request);
    }

    @PostMapping("/{key}/what-if")
    @Operation(summary = "试算：用草稿（xml）或旧版本（version）重算已认定案件 / What-if of a draft (xml) or an earlier version (version) over the decided cases (policy-admin)")
    public RuleApi.WhatIfReport whatIf(@PathVariable String key, @RequestBody RuleApi.WhatIfRequest request) {
        return rules.whatIf(key, request);
    }

    @PostMapping("/{key}/publish")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布草稿为新版本（须先试算同一草稿）/ Publish a draft as the new version; needs the what-if token of the same draft (policy-admin)")
    public RuleApi.PublicationView publish(@PathVariable String key, @RequestBody RuleApi.PublishRequest request) {
        return rules.publish(key, request);
    }

    @PostMapping("/{key}/rollback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "回滚：将旧版本重新发布为最新版本（须先试算该版本）/ Publish an earlier version again as the newest (policy-admin)")
    public RuleApi.PublicationView rollback(@PathVariable String key, @RequestBody RuleApi.RollbackRequest request) {
        return rules.rollback(key, request);
    }

    @PostMapping("/cases/{caseNumber}/re-evaluation")
    @Operation(summary = "按现行版本重新认定一件案件（留痕）/ Re-evaluate one case with the version in force, audited (policy-admin or the case's city review unit)")
    public RuleApi.ReevaluationView reevaluate(@PathVariable String caseNumber, @RequestBody RuleApi.ReevaluationRequest request) {
        return rules.reevaluate(caseNumber, request);
    }

    @GetMapping("/cases/{caseNumber}/re-evaluations")
    @Operation(summary = "案件的重新认定记录 / Re-evaluations of a case")
    public List<RuleApi.ReevaluationView> reevaluations(@PathVariable String caseNumber) {
        return rules.reevaluations(caseNumber);
    }
}
