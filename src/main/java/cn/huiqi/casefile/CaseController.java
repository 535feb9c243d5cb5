package cn.huiqi.casefile;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.common.ListPaging;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.unit.UnitRepository;

/** Reading cases: each caller sees the cases of its own enterprise or unit (see {@link CaseVisibility}). */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final CaseViews views;
    private final CurrentCaller currentCaller;

    private final CaseList list;
    private final CaseLifecycles lifecycles;
    private final UnitRepository units;

    public CaseController(CaseRecordRepository cases, CaseVisibility visibility, CaseViews views, CurrentCaller currentCaller,
                          CaseList list, CaseLifecycles lifecycles, UnitRepository units) {
        this.list = list;
        this.lifecycles = lifecycles;
        this.units = units;
        this.cases = cases;
        this.visibility = visibility;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /**
     * A page of the cases the caller may read, filtered, sorted and paged in the database ({@link CaseList}).
     * {@code flagged=true}: only cases flagged for the lead bureau's decision (e.g. by a migration); false: only the others.
     */
    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "案件列表（分页；按措施、状态、属地、批次、企业、案件编号筛选；按提交时间、编号、状态、金额排序）"
            + " / Cases, paged; filter by measure, status, locality, round, enterprise (id or name), case number (prefix);"
            + " sort by submittedAt, caseNumber, status, amount")
    public ListPaging.Page<CaseListItem> list(@RequestParam(name = "measure", required = false) String measure,
                              @RequestParam(name = "status", required = false) String status,
                              @RequestParam(name = "locality", required = false) String locality,
                              @RequestParam(name = "round", required = false) String round,
                              @RequestParam(name = "enterprise", required = false) String enterprise,
                              @RequestParam(name = "caseNumber", required = false) String caseNumber,
                              @RequestParam(name = "flagged", required = false) String flagged,
                              @RequestParam(name = "sort", required = false) String sort,
                              @RequestParam(name = "order", required = false) String order,
                              @RequestParam(name = "page", required = false) String page,
                              @RequestParam(name = "size", required = false) String size) {
        CaseListRequest request = CaseListRequest.check(new CaseListRequest.Raw(measure, status, locality, round,
                enterprise, caseNumber, flagged, sort, order, page, size), lifecycles, units);
        return list.find(visibility.scopeOf(currentCaller.get()), request);
    }

    /** A status a case list can be filtered by, with its labels. */
    public record StatusOption(String name, String zh, String en) {
    }

    /** The statuses of this measure's cases (all measures' without one): the status filter's choices; bounded by nature. */
    @GetMapping("/statuses")
    @Operation(summary = "案件状态（筛选用）/ The case statuses, for the list's status filter")
    public java.util.List<StatusOption> statuses(@RequestParam(name = "measure", required = false) String measure) {
        java.util.List<? extends CaseStatus> statuses = measure == null || measure.isBlank() ? lifecycles.allStatuses()
                : lifecycles.find(measure.strip()).orElseThrow(() -> new cn.huiqi.common.InvalidInputException("measure",
                        "没有该措施的案件", "There are no cases of that measure")).statuses();
        return statuses.stream().map(s -> new StatusOption(s.name(), s.zh(), s.en())).toList();
    }

    @GetMapping("/{caseNumber}")
    @Transactional(readOnly = true)
    public CaseView get(@PathVariable String caseNumber) {
        return views.withTimeline(readable(caseNumber));
    }

    CaseRecord readable(String caseNumber) {
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        Caller caller = currentCaller.get();
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException("case " + caseNumber + " is not visible to " + caller.userId());
        }
        return caseRecord;
    }
}
