package cn.huiqi.assistance;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.common.XlsxDownload;
import cn.huiqi.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Measure 7's intake: demands (three ways in), notes, visits, 12345 imports, 无事不扰 and visit plans. docs/assistance.md. */
@RestController
@RequestMapping("/api/assistance")
@Tag(name = "措施7 帮扶 Assistance")
class AssistanceController {

    record Opened(String caseNumber, String status, String statusZh, String statusEn) {
        static Opened of(CaseRecord c, CaseStatus status) {
            return new Opened(c.getCaseNumber(), status.name(), status.zh(), status.en());
        }
    }

    record NoteAdded(String caseNumber, String kind) {
    }

    private final CurrentCaller currentCaller;
    private final DemandSubmission submission;
    private final DemandNotes notes;
    private final VisitRecords visits;
    private final HotlineImport hotline;
    private final NoVisitSwitch noVisit;
    private final VisitPlan visitPlan;
    private final CaseViews views;
    private final CaseLifecycles lifecycles;
    private final DemandRepository demands;
    private final AssignmentRepository assignments;

    AssistanceController(CurrentCaller currentCaller, DemandSubmission submission, DemandNotes notes, VisitRecords visits,
                         HotlineImport hotline, NoVisitSwitch noVisit, VisitPlan visitPlan, CaseViews views,
                         CaseLifecycles lifecycles, DemandRepository demands, AssignmentRepository assignments) {
        this.currentCaller = currentCaller;
        this.submission = submission;
        this.notes = notes;
        this.visits = visits;
        this.hotline = hotline;
        this.noVisit = noVisit;
        this.visitPlan = visitPlan;
        this.views = views;
        this.lifecycles = lifecycles;
        this.demands = demands;
        this.assignments = assignments;
    }

    @PostMapping("/demands")
    @Operation(summary = "企业提出诉求 / An enterprise raises a demand",
            description = "企业用户（或其经办人，enterpriseId）提出诉求：category、title、description，可选 scope、utility（水电气类必填）、"
                    + "evidenceDrafts。幂等：同一 Idempotency-Key 返回第一次建立的诉求（200），新诉求 201。"
                    + " An enterprise user (or its agent, enterpriseId) raises a demand; idempotent under Idempotency-Key (201 new, 200 earlier).")
    ResponseEntity<Opened> submit(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  @RequestBody Map<String, Object> body) {
        DemandSubmission.Result result = submission.submit(idempotencyKey, body);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Opened.of(result.caseRecord(), lifecycles.statusOf(result.caseRecord())));
    }

    @GetMapping("/demands/{caseNumber}")
    @Transactional(readOnly = true)
    @Operation(summary = "诉求详情 / A demand with its case, timeline and assignments",
            description = "与 /api/cases/{n} 同样的可见范围（企业本身、受理属地、曾承办的单位、市工信局、审计）。"
                    + " Visible as /api/cases/{n}: the enterprise, the accepting locality, units it was assigned to, gxj, auditors.")
    DemandView demand(@PathVariable String caseNumber) {
        CaseRecord caseRecord = notes.readable(currentCaller.get(), caseNumber);
        Demand demand = demands.findById(caseRecord.getId()).orElseThrow();
        return new DemandView(views.withTimeline(caseRecord), DemandView.Fields.of(demand),
                assignments.findByCaseIdOrderByAssignedAtAscIdAsc(caseRecord.getId()).stream()
                        .map(a -> new DemandView.AssignmentView(a.getUnitId(), a.getAssignedAt(), a.getEndedAt(), a.getEndReason()))
                        .toList());
    }

    @PostMapping("/demands/{caseNumber}/notes")
    @Operation(summary = "办理进展或企业补充 / A progress note (handling unit) or an addition (the enterprise)",
            description = "请求体 {text}。承办单位写入 DEMAND_NOTE，企业写入 DEMAND_ADDITION；其他人 403，不存在 404，已办结 409。"
                    + " Body {text}: the unit handling it adds DEMAND_NOTE, the enterprise DEMAND_ADDITION; others 403, unknown 404, final 409.")
    ResponseEntity<NoteAdded> note(@PathVariable String caseNumber, @RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new NoteAdded(caseNumber, notes.add(currentCaller.get(), caseNumber, body)));
    }

    @PostMapping("/visits")
    @Operation(summary = "登记走访 / Record a visit",
            description = "属地单位（本辖区企业）或市工信局：enterpriseId、visitedOn、visitors、findings、problems[{category,title,description}]，每个问题建立一条诉求。"
                    + " A locality (its enterprises) or gxj records a visit; each problem becomes a demand (origin VISIT).")
    ResponseEntity<VisitRecords.VisitView> recordVisit(@RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(visits.record(currentCaller.get(), body));
    }

    @GetMapping("/visits")
    @Operation(summary = "走访记录 / Visit records", description = "本单位的走访记录；市工信局、审计看全部。 Own unit's visits; gxj and auditors all.")
    List<VisitRecords.VisitView> visits() {
        return visits.list(currentCaller.get());
    }

    @PostMapping("/hotline-imports")
    @Operation(summary = "导入12345工单 / Import 12345 hotline tickets (xlsx)",
            description = "表头：工单编号、受理时间、企业统一社会信用代码、诉求类别、标题、诉求内容。任何单元格有误则整份拒绝（行列号）。已导入的工单不重复建立。"
                    + " Any bad cell refuses the whole file (row/column); a ticket imported before creates nothing new.")
    HotlineImport.Result importHotline(@RequestParam("file") MultipartFile file) throws IOException {
        return hotline.importFile(currentCaller.get(), file.getBytes());
    }

    @GetMapping("/hotline-imports/template")
    @Operation(summary = "12345工单导入模板 / The hotline import template (xlsx)")
    ResponseEntity<byte[]> hotlineTemplate() {
        return XlsxDownload.of("12345工单导入模板.xlsx", HotlineImport.template());
    }

    @PutMapping("/no-visit")
    @Operation(summary = "无事不扰开关 / Switch 无事不扰 on or off",
            description = "企业本身（或其经办人，enterpriseId）：{on: true|false}；每次切换留痕。 The enterprise itself: {on}; every switch is logged.")
    NoVisitSwitch.State setNoVisit(@RequestBody Map<String, Object> body) {
        return noVisit.set(currentCaller.get(), body);
    }

    @GetMapping("/no-visit")
    @Operation(summary = "无事不扰状态 / Whether 无事不扰 is on")
    NoVisitSwitch.State getNoVisit(@RequestParam(name = "enterpriseId", required = false) String enterpriseId) {
        return noVisit.get(enterpriseId);
    }

    @GetMapping("/visit-plan")
    @Operation(summary = "走访计划 / A unit's visit plan",
            description = "本单位企业（最久未走访在前）；已申请无事不扰的企业不列入，单独列出并注明。"
                    + " The unit's enterprises, least recently visited first; those that asked for 无事不扰 are listed apart.")
    VisitPlan.Plan visitPlan(@RequestParam(name = "unit", required = false) String unit) {
        return visitPlan.of(currentCaller.get(), unit);
    }
}
