package cn.huiqi.settlement;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.common.ListPaging;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.identity.Groups;

/**
 * Settlements of the reward measures: 市工信局 starts one when a measure's review window closes; the lead
 * bureau, finance, policy staff and auditors read them; 市财政局 confirms the payments.
 */
@RestController
@RequestMapping("/api/settlements")
public class SettlementController {

    public static final String PROCESS_KEY = "fund-settlement";
    private static final String[] READERS = { Groups.LEAD_BUREAU, Groups.FINANCE_BUREAU, Groups.POLICY_ADMIN, Groups.CAMUNDA_ADMIN, Groups.AUDITOR };
    private static final String[] STARTERS = { Groups.LEAD_BUREAU, Groups.CAMUNDA_ADMIN };
    private static final String[] PAYERS = { Groups.FINANCE_BUREAU };
    private static final String[] PAYMENT_LIST_READERS = { Groups.FINANCE_BUREAU, Groups.CAMUNDA_ADMIN, Groups.AUDITOR };

    public record StartRequest(String measure) {
    }

    public record PaymentsRequest(List<SettlementPayments.Confirmation> payments) {
    }

    public record FailureRequest(String caseNumber, String reason) {
    }

    /** What the caller may do here: the page shows only these buttons and links (the endpoints refuse the rest anyway). */
    public record Abilities(boolean read, boolean start, boolean pay, boolean paymentList) {
    }

    private final SettlementRepository settlements;
    private final SettlementViews views;
    private final SettlementPayments payments;
    private final CurrentCaller currentCaller;
    private final SettlementAllocation allocation;
    private final MeasureCatalogue catalogue;
    private final PaymentFile paymentFile;

    public SettlementController(SettlementRepository settlements, SettlementViews views, SettlementPayments payments,
                                CurrentCaller currentCaller, SettlementAllocation allocation, MeasureCatalogue catalogue,
                                PaymentFile paymentFile) {
        this.paymentFile = paymentFile;
        this.settlements = settlements;
        this.views = views;
        this.payments = payments;
        this.currentCaller = currentCaller;
        this.allocation = allocation;
        this.catalogue = catalogue;
    }

    /**
     * Starts process fund-settlement for a measure and decides the shares; the money moves right after,
     * asynchronously, a few cases per job. 409 when the measure has nothing awaiting settlement or a
     * settlement of it is still being settled.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> start(@RequestBody StartRequest request) {
        Caller caller = require(STARTERS);
        FieldChecks checks = new FieldChecks();
        String measure = checks.requiredText("measure", request == null ? null : request.measure(), "措施", "Measure", 4);
        List<String> settled = settledMeasures();
        if (measure != null && !settled.contains(measure)) {
            checks.add("measure", "只有以下措施需要结算：" + String.join("、", settled), "Only these measures are settled: " + String.join(", ", settled));
        }
        checks.throwIfAny();
        Settlement settlement = allocation.start(measure, caller.userId());
        return Map.of("processInstanceId", settlement.getProcessInstanceId(), "measure", measure, "settlementId", settlement.getId());
    }

    /** Measures that pay money through processes of their own (applications, or 5 and 6's award cases): their cases wait for a settlement. */
    private List<String> settledMeasures() {
        return catalogue.all().stream().filter(m -> m.paysMoney() && !m.processKeys().isEmpty()).map(Measure::id).toList();
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "结算批次（分页；按措施、状态筛选；按结算时间、批次、措施、状态排序）"
            + " / Settlements, paged; filter by measure, status; sort by settledAt, id, measure, status")
    public ListPaging.Page<SettlementView> list(@RequestParam(name = "measure", required = false) String measure,
                                                @RequestParam(name = "status", required = false) String status,
                                                @RequestParam(name = "sort", required = false) String sort,
                                                @RequestParam(name = "order", required = false) String order,
                                                @RequestParam(name = "page", required = false) String page,
                                                @RequestParam(name = "size", required = false) String size) {
        requireReader();
        FieldChecks checks = new FieldChecks();
        String measureId = ListPaging.blankToNull(measure);
        if (measureId != null && !settledMeasures().contains(measureId)) {
            checks.add("measure", "只有以下措施有结算：" + String.join("、", settledMeasures()),
                    "Only these measures have settlements: " + String.join(", ", settledMeasures()));
        }
        Settlement.Status statusValue = null;
        String statusText = ListPaging.blankToNull(status);
        if (statusText != null) {
            try {
                statusValue = Settlement.Status.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                checks.add("status", "status 只能为 SETTLING、NOTICE、DISBURSEMENT 或 CLOSED",
                        "status must be SETTLING, NOTICE, DISBURSEMENT or CLOSED");
            }
        }
        ListPaging paging = ListPaging.check(checks, SORTS, page, size, sort, order);
        checks.throwIfAny();
        ListPaging.Page<Settlement> found = settlements.page(measureId, statusValue, paging);
        return paging.page(found.items().stream().map(s -> views.view(s, false)).toList(), found.total());
    }

    /** Newest first by default; SettlementRepository maps each key to its column. */
    private static final ListPaging.Sorts SORTS = ListPaging.Sorts.of(List.of("settledAt", "id", "measure", "status"),
            List.of("settledAt", "id"));

    /** For any signed-in caller: which of the settlement actions its groups allow (the same lists the endpoints check). */
    @GetMapping("/abilities")
    public Abilities abilities() {
        Caller caller = currentCaller.get();
        return new Abilities(caller.isInAny(READERS), caller.isInAny(STARTERS), caller.isInAny(PAYERS), caller.isInAny(PAYMENT_LIST_READERS));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public SettlementView get(@PathVariable long id) {
        requireReader();
        return views.view(settlement(id), true);
    }

    @GetMapping("/{id}/notice-list.xlsx")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> noticeList(@PathVariable long id) {
        requireReader();
        return xlsx("notice-list-" + id + ".xlsx", views.noticeList(settlement(id)));
    }

    @GetMapping("/{id}/payment-list.xlsx")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> paymentList(@PathVariable long id) {
        require(PAYMENT_LIST_READERS);
        return xlsx("payment-list-" + id + ".xlsx", views.paymentList(settlement(id)));
    }

    /**
     * 付款文件 (docs/fulfilment.md "付款文件与财政支付系统对接"): what the finance payment system loads, as JSON — 市财政局
     * only; 409 before the notice period is over or when a payee has no account. Every export is recorded.
     */
    @GetMapping("/{id}/payment-file")
    @Operation(summary = "付款文件（JSON，仅市财政局）/ The payment file as JSON (czj only)")
    public PaymentFile.Content paymentFile(@PathVariable long id) {
        Caller caller = require(PAYERS);
        return paymentFile.export(settlement(id), "json", caller.userId());
    }

    /** The same as CSV (UTF-8 with BOM, CRLF): the lines, a total line and the SHA-256 line. */
    @GetMapping("/{id}/payment-file.csv")
    @Operation(summary = "付款文件（CSV，含合计行与SHA-256校验行，仅市财政局）/ The payment file as CSV with total and checksum lines (czj only)")
    public ResponseEntity<byte[]> paymentFileCsv(@PathVariable long id) {
        Caller caller = require(PAYERS);
        byte[] csv = PaymentFile.csv(paymentFile.export(settlement(id), "csv", caller.userId()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("付款文件-第" + id + "批.csv",
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv);
    }

    @PostMapping("/{id}/payments")
    public SettlementView confirm(@PathVariable long id, @RequestBody PaymentsRequest request) {
        Caller caller = require(PAYERS);
        Settlement settlement = payments.confirm(id, request == null ? null : request.payments(), caller.userId());
        return get(settlement.getId());
    }

    @PostMapping("/{id}/failures")
    public SettlementView reportFailure(@PathVariable long id, @RequestBody FailureRequest request) {
        Caller caller = require(PAYERS);
        payments.reportFailure(id, request == null ? null : request.caseNumber(), request == null ? null : request.reason(),
                caller.userId());
        return get(id);
    }

    private Settlement settlement(long id) {
        return settlements.findById(id).orElseThrow(() -> new NotFoundException("id", "结算批次 " + id + " 不存在",
                "Settlement " + id + " does not exist"));
    }

    private Caller requireReader() {
        return require(READERS);
    }

    private Caller require(String... groups) {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(groups)) {
            throw new AccessDeniedException(caller.userId() + " may not do this with settlements");
        }
        return caller;
    }

    private static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(content);
    }
}
