package cn.huiqi.project;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;

/**
 * Changes to the project library: register and update projects, add and correct monthly reports. Order
 * of refusal: 404 (unknown project) → 403 (not the caller's project) → 400 (input) → 403 (target locality)
 * → 409 (duplicate; for a report the month is checked first, since the answer is then "correct it"). Each change is one transaction with its audit line, so a refusal changes nothing.
 */
@Service
public class ProjectLibrary {

    private final ProjectRepository projects;
    private final ProgressReportRepository reports;
    private final ProjectEventRepository events;
    private final EnterpriseRepository enterprises;
    private final ProjectInput input;
    private final ProjectAccess access;

    public ProjectLibrary(ProjectRepository projects, ProgressReportRepository reports, ProjectEventRepository events,
                          EnterpriseRepository enterprises, ProjectInput input, ProjectAccess access) {
        this.projects = projects;
        this.reports = reports;
        this.events = events;
        this.enterprises = enterprises;
        this.input = input;
        this.access = access;
    }

    @Transactional
    public Project create(Caller caller, ProjectRequest request) {
        access.requireMaintainer(caller);
        Enterprise owner = null;
        if (request != null && request.enterpriseId() != null) {
            owner = enterprises.findById(request.enterpriseId()).orElseThrow(() -> new InvalidInputException("enterpriseId",
                    "企业 " + request.enterpriseId() + " 不存在", "Enterprise " + request.enterpriseId() + " does not exist"));
        }
        ProjectInput.Values values;
        try {
            values = input.project(request, owner, Months.today());
        } catch (InvalidInputException e) {
            throw owner == null && request != null ? withMissingOwner(e) : e;
        }
        if (owner == null) {
            throw new InvalidInputException("enterpriseId", "项目单位（企业）不能为空", "The owner enterprise is required");
        }
        access.requireMaintainer(caller, values.localityUnitId());
        rejectDuplicateName(owner.getId(), values.name(), null);
        Project project = new Project(owner.getId(), values, caller.userId(), Months.today());
        try {
            project = projects.insert(project);
        } catch (DataIntegrityViolationException e) { // the same name registered at the same moment
            throw duplicateName(values.name());
        }
        events.insert(new ProjectEvent(project.getId(), null, caller.userId(), ProjectEvent.PROJECT_CREATED, describe(project)));
        return project;
    }

    @Transactional
    public Project update(Caller caller, long projectId, ProjectRequest request) {
        Project project = find(projectId);
        if (!access.canMaintain(caller, project)) {
            throw new AccessDeniedException(caller.userId() + " may not change project " + projectId);
        }
        if (request != null && request.enterpriseId() != null && !request.enterpriseId().equals(project.getEnterpriseId())) {
            throw new InvalidInputException("enterpriseId", "项目单位不能变更；如确有变更请新建项目",
                    "The owner enterprise of a project cannot change; register a new project instead");
        }
        Enterprise owner = enterprises.findById(project.getEnterpriseId()).orElseThrow();
        ProjectInput.Values values = input.project(request, owner, Months.today());
        access.requireMaintainer(caller, values.localityUnitId());
        rejectDuplicateName(owner.getId(), values.name(), project.getId());
        String before = describe(project);
        project.apply(values, caller.userId(), Months.today());
        try {
            projects.update(project);
        } catch (DataIntegrityViolationException e) {
            throw duplicateName(values.name());
        }
        String after = describe(project);
        if (!before.equals(after)) {
            events.insert(new ProjectEvent(project.getId(), null, caller.userId(), ProjectEvent.PROJECT_UPDATED,
                    changes(before, after)));
        }
        return project;
    }

    @Transactional
    public ProgressReport addReport(Caller caller, long projectId, ReportRequest request) {
        Project project = maintainable(caller, projectId);
        YearMonth month = Months.month(request == null ? null : request.month(), "month", null);
        List<ProgressReport> existing = reports.findByProjectIdOrderByMonth(projectId);
        if (existing.stream().anyMatch(r -> r.getMonth().equals(month))) {
            throw duplicateReport(project, month); // before the amounts: the answer is "correct that report"
        }
        ProjectInput.Amounts amounts = input.report(request, month, previous(existing, month), next(existing, month), false);
        ProgressReport report;
        try {
            report = reports.insert(new ProgressReport(project.getId(), month, amounts.cumulativeInvestment(),
                    amounts.cumulativeEquipment(), amounts.note(), caller.userId()));
        } catch (DataIntegrityViolationException e) {
            throw duplicateReport(project, month);
        }
        events.insert(new ProjectEvent(project.getId(), month, caller.userId(), ProjectEvent.REPORT_CREATED,
                "累计完成投资 cumulative investment " + Money.format(amounts.cumulativeInvestment())
                        + "；累计设备投资 cumulative equipment " + Money.format(amounts.cumulativeEquipment())
                        + (amounts.note() == null ? "" : "；说明 note: " + amounts.note())));
        return report;
    }

    @Transactional
    public ProgressReport correctReport(Caller caller, long projectId, String rawMonth, ReportRequest request) {
        Project project = maintainable(caller, projectId);
        YearMonth month = Months.month(rawMonth, "month", null);
        List<ProgressReport> existing = reports.findByProjectIdOrderByMonth(projectId);
        ProgressReport report = existing.stream().filter(r -> r.getMonth().equals(month)).findFirst()
                .orElseThrow(() -> new NotFoundException("month", "项目“" + project.getName() + "”没有 " + month + " 的月报",
                        "Project '" + project.getName() + "' has no report for " + month));
        ProjectInput.Amounts amounts = input.report(request, month, previous(existing, month), next(existing, month), true);
        String before = "累计完成投资 " + Money.format(report.getCumulativeInvestment()) + "，累计设备投资 "
                + Money.format(report.getCumulativeEquipment());
        report.correct(amounts.cumulativeInvestment(), amounts.cumulativeEquipment(), amounts.note(), caller.userId());
        reports.update(report);
        events.insert(new ProjectEvent(project.getId(), month, caller.userId(), ProjectEvent.REPORT_CORRECTED,
                before + " → 累计完成投资 " + Money.format(amounts.cumulativeInvestment()) + "，累计设备投资 "
                        + Money.format(amounts.cumulativeEquipment()) + "；理由 reason: " + request.correctionReason().strip()));
        return report;
    }

    private Project maintainable(Caller caller, long projectId) {
        Project project = find(projectId);
        if (!access.canMaintain(caller, project)) {
            throw new AccessDeniedException(caller.userId() + " may not report for project " + projectId);
        }
        return project;
    }

    Project find(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> new NotFoundException("id",
                "项目 " + projectId + " 不存在", "Project " + projectId + " does not exist"));
    }

    private static ProgressReport previous(List<ProgressReport> existing, YearMonth month) {
        return existing.stream().filter(r -> r.getMonth().isBefore(month)).max(Comparator.comparing(ProgressReport::getMonth)).orElse(null);
    }

    private static ProgressReport next(List<ProgressReport> existing, YearMonth month) {
        return existing.stream().filter(r -> r.getMonth().isAfter(month)).min(Comparator.comparing(ProgressReport::getMonth)).orElse(null);
    }

    private void rejectDuplicateName(Long enterpriseId, String name, Long exceptId) {
        projects.findByEnterpriseIdAndName(enterpriseId, name).filter(p -> !Objects.equals(p.getId(), exceptId))
                .ifPresent(p -> {
                    throw duplicateName(name);
                });
    }

    private static ConflictException duplicateName(String name) {
        return new ConflictException("name", "该企业已有名为“" + name + "”的项目", "The enterprise already has a project named '" + name + "'");
    }

    private static ConflictException duplicateReport(Project project, YearMonth month) {
        return new ConflictException("month", "项目“" + project.getName() + "”已有 " + month + " 的月报；如需修改请更正该月报",
                "Project '" + project.getName() + "' already has a report for " + month + "; correct that report instead");
    }

    private static InvalidInputException withMissingOwner(InvalidInputException e) {
        List<cn.huiqi.common.FieldProblem> problems = new ArrayList<>();
        problems.add(new cn.huiqi.common.FieldProblem("enterpriseId", "项目单位（企业）不能为空", "The owner enterprise is required"));
        problems.addAll(e.getProblems());
        return new InvalidInputException(problems);
    }

    private static String describe(Project p) {
        return String.join("；",
                "名称 name=" + p.getName(),
                "属地 locality=" + p.getLocalityUnitId(),
                "类型 type=" + p.getType().code(),
                "计划总投资 plannedTotal=" + Money.format(p.getPlannedTotalInvestment()),
                "计划设备投资 plannedEquipment=" + Money.format(p.getPlannedEquipmentInvestment()),
                "计划开工 plannedStart=" + p.getPlannedStart(),
                "计划完工 plannedCompletion=" + p.getPlannedCompletion(),
                "实际开工 actualStart=" + p.getActualStart(),
                "实际完工 actualCompletion=" + p.getActualCompletion(),
                "重大项目 major=" + p.isMajor());
    }

    /** Only the fields that changed, "old → new". */
    private static String changes(String before, String after) {
        String[] b = before.split("；");
        String[] a = after.split("；");
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                changed.add(b[i] + " → " + a[i].substring(a[i].indexOf('=') + 1));
            }
        }
        return String.join("；", changed);
    }
}
