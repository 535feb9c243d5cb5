package cn.huiqi.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.ListPaging;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.common.XlsxDownload;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.unit.UnitRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The project library of measure 4 (项目库): projects, monthly progress reports, the three lists (JSON
 * and xlsx) and a project's investment progress. Access: {@link ProjectAccess}.
 */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "项目库 Project library", description = "措施4 强化项目服务：项目、月度进度、三张清单 / Measure 4: projects, monthly progress, the three lists")
class ProjectController {


    private final ProjectLibrary library;
    private final ProjectQueries queries;
    private final ProjectViews views;
    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final ProgressReportRepository reports;
    private final ProjectEventRepository events;
    private final InvestmentProgress progress;
    private final ProjectListWorkbook workbook;
    private final UnitRepository units;
    private final CurrentCaller currentCaller;

    public ProjectController(ProjectLibrary library, ProjectQueries queries, ProjectViews views, ProjectAccess access,
                             ProjectRepository projects, ProgressReportRepository reports, ProjectEventRepository events,
                             InvestmentProgress progress, ProjectListWorkbook workbook, UnitRepository units,
                             CurrentCaller currentCaller) {
        this.library = library;
        this.queries = queries;
        this.views = views;
        this.access = access;
        this.projects = projects;
        this.reports = reports;
        this.events = events;
        this.progress = progress;
        this.workbook = workbook;
        this.units = units;
        this.currentCaller = currentCaller;
    }

    public record HistoryEntry(java.time.Instant at, String actor, String action, YearMonth reportMonth, String detail) {
    }

    @GetMapping
    @Operation(summary = "项目列表 / List projects", description = "可按属地、状态、是否重大项目、计划完工日期筛选；monthEnd 为所选月份月末的状态、累计投资与投资进度。"
            + " Filter by locality, status, major, planned completion; monthEnd holds status, cumulative investment and progress at the month's end.")
    public ListPaging.Page<ProjectView> list(
            @Parameter(description = "属地 / Locality unit id, e.g. donghu") @RequestParam(required = false) String locality,
            @Parameter(description = "月份 YYYY-MM，缺省为本月 / Month, default the current month") @RequestParam(required = false) String month,
            @Parameter(description = "状态 / Status: PLANNED, UNDER_CONSTRUCTION, COMPLETED") @RequestParam(required = false) String status,
            @Parameter(description = "仅重大项目 / Major projects only (true/false)") @RequestParam(required = false) Boolean major,
            @Parameter(description = "计划完工不晚于 / Planned completion on or before (YYYY-MM-DD), e.g. 2023-06-30 for 上半年计划完工")
            @RequestParam(required = false) String plannedCompletionBy,
            @Parameter(description = "排序 / Sort: locality (default), id, name, plannedCompletion") @RequestParam(required = false) String sort,
            @Parameter(description = "asc | desc") @RequestParam(required = false) String order,
            @Parameter(description = "页码，从 0 起 / Page from 0") @RequestParam(required = false) String page,
            @Parameter(description = "每页 1-100，缺省 20 / Page size 1-100, default 20") @RequestParam(required = false) String size) {
        YearMonth m = Months.month(month, "month", Months.current());
        ProjectStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ProjectStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "状态只能是 PLANNED、UNDER_CONSTRUCTION 或 COMPLETED",
                        "The status must be PLANNED, UNDER_CONSTRUCTION or COMPLETED");
            }
        }
        FieldChecks checks = new FieldChecks();
        LocalDate by = Months.date(checks, plannedCompletionBy, "plannedCompletionBy", "计划完工日期", "Planned completion", false);
        ListPaging paging = ListPaging.check(checks, ProjectQueries.SORTS, page, size, sort, order);
        checks.throwIfAny();
        return queries.list(currentCaller.get(), new ProjectQueries.Filter(locality, s, major, by), m, paging);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记项目 / Register a project", description = "市工信局或项目所在属地 / 市工信局 or the project's locality")
    public ProjectView create(@RequestBody(required = false) ProjectRequest body) {
        Caller caller = currentCaller.get();
        Project project = library.create(caller, body);
        return views.view(caller, project, Months.current());
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "项目详情 / One project")
    public ProjectView get(@PathVariable long id, @RequestParam(required = false) String month) {
        Caller caller = currentCaller.get();
        return views.view(caller, readable(caller, id), Months.month(month, "month", Months.current()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改项目（含填写实际开工、完工日期） / Update a project, e.g. record the actual start or completion")
    public ProjectView update(@PathVariable long id, @RequestBody(required = false) ProjectRequest body) {
        Caller caller = currentCaller.get();
        Project project = library.update(caller, id, body);
        return views.view(caller, project, Months.current());
    }

    @GetMapping("/{id}/reports")
    @Transactional(readOnly = true)
    @Operation(summary = "月度进度报告 / Monthly reports of a project")
    public List<ReportView> reports(@PathVariable long id) {
        Project project = readable(currentCaller.get(), id);
        return views.reports(project, reports.findByProjectIdOrderByMonth(id));
    }

    @PostMapping("/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "填报月度进度（累计数） / Add a monthly report (cumulative amounts)",
            description = "每个项目每月一份，重复为409；更正请用 PUT。One report per project and month (409 on a duplicate); correct with PUT.")
    public ReportView addReport(@PathVariable long id, @RequestBody(required = false) ReportRequest body) {
        ProgressReport report = library.addReport(currentCaller.get(), id, body);
        return reportView(id, report.getMonth());
    }

    @PutMapping("/{id}/reports/{month}")
    @Operation(summary = "更正月度进度 / Correct a monthly report", description = "须填写更正理由，记入操作记录 / needs a reason, audited")
    public ReportView correctReport(@PathVariable long id, @PathVariable String month, @RequestBody(required = false) ReportRequest body) {
        ProgressReport report = library.correctReport(currentCaller.get(), id, month, body);
        return reportView(id, report.getMonth());
    }

    @GetMapping("/{id}/history")
    @Transactional(readOnly = true)
    @Operation(summary = "操作记录 / Audit trail of a project and its reports")
    public List<HistoryEntry> history(@PathVariable long id) {
        readable(currentCaller.get(), id);
        return events.findByProjectIdOrderByOccurredAtAscIdAsc(id).stream()
                .map(e -> new HistoryEntry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getReportMonth(), e.getDetail())).toList();
    }

    @GetMapping("/{id}/progress")
    @Transactional(readOnly = true)
    @Operation(summary = "投资进度对比 / Investment progress against the overall average",
            description = "缺省为措施3的期间 2023-07..2023-09 / default: measure 3's window 2023-07..2023-09")
    public InvestmentProgress.ProgressComparison progress(@PathVariable long id, @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to) {
        readable(currentCaller.get(), id);
        return progress.compare(id, Months.month(from, "from", Months.WINDOW_FROM), Months.month(to, "to", Months.WINDOW_TO));
    }

    @GetMapping("/lists/{list:[a-z]+}")
    @Operation(summary = "三张清单 / The three lists: started, completed, major",
            description = "started 开工项目清单、completed 完工项目清单、major 在库推进重大项目清单；口径见 definitionZh / definitionEn")
    public ProjectListView listOf(@PathVariable String list,
                                  @Parameter(description = "属地 / Locality unit id") @RequestParam(required = false) String locality,
                                  @Parameter(description = "月份 YYYY-MM，缺省为本月 / Month, default the current month")
                                  @RequestParam(required = false) String month) {
        return queries.list(currentCaller.get(), listNamed(list), locality, Months.month(month, "month", Months.current()));
    }

    @GetMapping("/lists/{list:[a-z]+}.xlsx")
    @Operation(summary = "导出清单 xlsx / Download a list as xlsx", description = "中文表头；金额为数值单元格，两位小数 / Chinese headers; amounts are numeric cells with two decimals")
    public ResponseEntity<byte[]> listXlsx(@PathVariable String list, @RequestParam(required = false) String locality,
                                           @RequestParam(required = false) String month) {
        Caller caller = currentCaller.get();
        ProjectList which = listNamed(list);
        ProjectListView view = queries.list(caller, which, locality, Months.month(month, "month", Months.current()));
        String localityName = view.locality() == null ? null : units.findById(view.locality()).map(u -> u.getNameZh()).orElse(view.locality());
        byte[] bytes = workbook.write(view, localityName, caller.userId());
        String file = which.titleZh() + "-" + view.month() + (localityName == null ? "" : "-" + localityName) + ".xlsx";
        return XlsxDownload.of(file, bytes);
    }

    private ReportView reportView(long projectId, YearMonth month) {
        Project project = projects.findById(projectId).orElseThrow();
        return views.reports(project, reports.findByProjectIdOrderByMonth(projectId)).stream()
                .filter(r -> r.month().equals(month)).findFirst().orElseThrow();
    }

    private Project readable(Caller caller, long id) {
        Project project = projects.findById(id).orElseThrow(() -> new NotFoundException("id",
                "项目 " + id + " 不存在", "Project " + id + " does not exist"));
        if (!access.canRead(caller, project)) {
            throw new AccessDeniedException(caller.userId() + " may not read project " + id);
        }
        return project;
    }

    private static ProjectList listNamed(String key) {
        return ProjectList.ofKey(key).orElseThrow(() -> new NotFoundException("list", "没有名为 " + key + " 的清单（started、completed、major）",
                "There is no list " + key + " (started, completed, major)"));
    }
}
