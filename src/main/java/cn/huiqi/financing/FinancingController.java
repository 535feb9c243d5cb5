package cn.huiqi.financing;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Measure 8's financing demands: the enterprise's side, the officials' reads and the institutions' side. docs/financing.md. */
@RestController
@RequestMapping("/api/financing")
@Tag(name = "措施8 融资需求 Financing demands")
class FinancingController {

    record Opened(String caseNumber, String status, String statusZh, String statusEn) {
    }

    private final CurrentCaller currentCaller;
    private final FinancingSubmission submission;
    private final FinancingAccess access;
    private final DemandViews views;
    private final EnterpriseActions enterprise;
    private final InstitutionReads institutionReads;
    private final TakeUps takeUps;
    private final CaseLifecycles lifecycles;
    private final Institutions institutions;

    FinancingController(CurrentCaller currentCaller, FinancingSubmission submission, FinancingAccess access, DemandViews views,
                        EnterpriseActions enterprise, InstitutionReads institutionReads, TakeUps takeUps, CaseLifecycles lifecycles,
                        Institutions institutions) {
        this.currentCaller = currentCaller;
        this.submission = submission;
        this.access = access;
        this.views = views;
        this.enterprise = enterprise;
        this.institutionReads = institutionReads;
        this.takeUps = takeUps;
        this.lifecycles = lifecycles;
        this.institutions = institutions;
    }

    // ---- enterprise and officials -------------------------------------------------------------------------------

    @PostMapping("/demands")
    @Operation(summary = "企业提出融资需求 / An enterprise files a financing demand",
            description = "amount（元）、termMonths、purpose、guaranteeKind（CREDIT/MORTGAGE/GUARANTEE/ORDER_FINANCING/RECEIVABLES/IP_PLEDGE）；"
                    + "订单融资须 orderCaseNumber（本企业措施1申报）或 order{buyer,amount,dueOn}；consent{audience ALL|CHOSEN, fields[], institutions[]} 必填。"
                    + "幂等：同一 Idempotency-Key 返回第一次建立的需求（200），新需求 201。")
    ResponseEntity<Opened> submit(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  @RequestBody Map<String, Object> body) {
        FinancingSubmission.Result result = submission.submit(idempotencyKey, body);
        var status = lifecycles.statusOf(result.caseRecord());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Opened(result.caseRecord().getCaseNumber(), status.name(), status.zh(), status.en()));
    }

    @GetMapping("/demands")
    @Operation(summary = "可见的融资需求 / The financing demands the caller may read",
            description = "企业看本企业的，属地看本辖区的，市金融办、市工信局、市中小企业局看全部；金融机构用 /api/financing/market。")
    List<DemandViews.Fields> demands() {
        return views.list(currentCaller.get());
    }

    @GetMapping("/demands/{caseNumber}")
    @Operation(summary = "融资需求详情 / A demand with its consent, take-ups and offers, timeline")
    DemandViews.View demand(@PathVariable String caseNumber) {
        return views.of(access.readable(currentCaller.get(), caseNumber));
    }

    @PutMapping("/demands/{caseNumber}")
    @Operation(summary = "退回后补充 / Supplement a returned demand", description = "企业本身：与提出时相同的 amount、termMonths、purpose、guaranteeKind、订单。")
    ResponseEntity<Void> supplement(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
        enterprise.supplement(currentCaller.get(), caseNumber, body);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/demands/{caseNumber}/consent")
    @Operation(summary = "给出或变更共享同意 / Give or change the consent", description = "{audience, fields, institutions}；留痕。")
    ResponseEntity<Void> consent(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
        enterprise.consent(currentCaller.get(), caseNumber, body);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/demands/{caseNumber}/consent")
    @Operation(summary = "撤回共享同意 / Revoke the consent", description = "金融机构即时不可见（包括已对接的），留痕。")
    ResponseEntity<Void> revoke(@PathVariable String caseNumber) {
        enterprise.revokeConsent(currentCaller.get(), caseNumber);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/demands/{caseNumber}/accept")
    @Operation(summary = "选定一家授信 / Accept one offer", description = "{takeUpId}：只能选定当前有效的授信。")
    ResponseEntity<Void> accept(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
        enterprise.accept(currentCaller.get(), caseNumber, body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/demands/{caseNumber}/withdraw")
    @Operation(summary = "撤回融资需求 / Withdraw the demand", description = "{reason}；已选定授信后不能撤回。")
    ResponseEntity<Void> withdraw(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
        enterprise.withdraw(currentCaller.get(), caseNumber, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/demands/{caseNumber}/read-log")
    @Operation(summary = "金融机构查阅记录 / Who among the institutions read the demand", description = "企业本身及可查看该需求的部门。")
    List<DemandViews.ReadLine> readLog(@PathVariable String caseNumber) {
        return views.readLog(access.readable(currentCaller.get(), caseNumber));
    }

    @GetMapping("/consent-options")
    @Operation(summary = "可共享的数据项与金融机构 / Shareable fields and active institutions")
    Map<String, Object> consentOptions() {
        return Map.of(
                "fields", java.util.Arrays.stream(SharedField.values()).map(f -> Map.of("code", f.name(), "zh", f.label().zh(),
                        "en", f.label().en(), "required", f.required())).toList(),
                "guaranteeKinds", java.util.Arrays.stream(GuaranteeKind.values()).map(g -> Map.of("code", g.name(), "zh", g.label().zh(),
                        "en", g.label().en())).toList(),
                "institutions", institutions.active().stream().map(i -> Map.of("unitId", i.unitId(), "nameZh", i.nameZh(),
                        "demo", i.demo())).toList());
    }

    // ---- institutions ---------------------------------------------------------------------------------------------

    @GetMapping("/market")
    @Operation(summary = "金融机构：可对接的融资需求 / Institution: demands shared with it",
            description = "只含企业同意共享给本机构的字段；每次查阅都记录，企业可见。")
    List<InstitutionReads.SharedDemand> market() {
        return institutionReads.list(currentCaller.get());
    }

    @GetMapping("/market/{caseNumber}")
    @Operation(summary = "金融机构：一项需求 / Institution: one shared demand")
    InstitutionReads.SharedDemand shared(@PathVariable String caseNumber) {
        return institutionReads.read(currentCaller.get(), caseNumber);
    }

    @PostMapping("/market/{caseNumber}/take-up")
    @Operation(summary = "金融机构：对接 / Institution: take the demand up", description = "同时至多三家对接中；各有工作日时限。")
    ResponseEntity<InstitutionReads.TakeUpView> takeUp(@PathVariable String caseNumber) {
        return ResponseEntity.status(HttpStatus.CREATED).body(takeUps.takeUp(currentCaller.get(), caseNumber));
    }

    @GetMapping("/take-ups")
    @Operation(summary = "金融机构：本机构的对接 / Institution: its own take-ups")
    List<InstitutionReads.TakeUpView> myTakeUps() {
        return takeUps.mine(currentCaller.get());
    }

    @PutMapping("/take-ups/{id}/notes")
    @Operation(summary = "金融机构：联系与尽调记录 / Institution: contact and due-diligence notes")
    InstitutionReads.TakeUpView notes(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return takeUps.notes(currentCaller.get(), id, body);
    }

    @PostMapping("/take-ups/{id}/decision")
    @Operation(summary = "金融机构：授信决定 / Institution: credit decision",
            description = "{decision: OFFER, approvedAmount, rate（年利率%）, termMonths} 或 {decision: DECLINE, reason}。")
    InstitutionReads.TakeUpView decide(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return takeUps.decide(currentCaller.get(), id, body);
    }

    @PostMapping("/take-ups/{id}/grant")
    @Operation(summary = "金融机构：登记放款 / Institution: record the loan granted", description = "{amount, grantedOn}，仅企业选定的授信。")
    InstitutionReads.TakeUpView grant(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return takeUps.grant(currentCaller.get(), id, body);
    }
}
