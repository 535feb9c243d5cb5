package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/** Builds {@link ProjectView}s and {@link ReportView}s; month-end figures come from {@link InvestmentProgress}. */
@Component
class ProjectViews {

    private final EnterpriseRepository enterprises;
    private final UnitRepository units;
    private final ProgressReportRepository reports;
    private final ProjectAccess access;

    public ProjectViews(EnterpriseRepository enterprises, UnitRepository units, ProgressReportRepository reports,
                        ProjectAccess access) {
        this.enterprises = enterprises;
        this.units = units;
        this.reports = reports;
        this.access = access;
    }

    public List<ProjectView> views(Caller caller, Collection<Project> projects, YearMonth month) {
        if (projects.isEmpty()) {
            return List.of();
        }
        Map<Long, Enterprise> owners = enterprises.findAllById(projects.stream().map(Project::getEnterpriseId).distinct().toList())
                .stream().collect(Collectors.toMap(Enterprise::getId, Function.identity()));
        Map<String, Unit> localities = units.findAll().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
        Map<Long, List<ProgressReport>> byProject = reports.findByProjectIdIn(projects.stream().map(Project::getId).toList())
                .stream().collect(Collectors.groupingBy(ProgressReport::getProjectId));
        List<ProjectView> views = new ArrayList<>();
        for (Project p : projects) {
            views.add(view(caller, p, owners.get(p.getEnterpriseId()), localities.get(p.getLocalityUnitId()),
                    byProject.getOrDefault(p.getId(), List.of()), month));
        }
        return views;
    }

    public ProjectView view(Caller caller, Project project, YearMonth month) {
        return views(caller, List.of(project), month).get(0);
    }

    private ProjectView view(Caller caller, Project p, Enterprise owner, Unit locality, List<ProgressReport> own, YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        ProjectStatus atEnd = p.statusOn(end);
        ProjectView.MonthEnd monthEnd = new ProjectView.MonthEnd(month, atEnd.name(), atEnd.label().zh(), atEnd.label().en(),
                InvestmentProgress.cumulativeInvestmentAt(own, month), InvestmentProgress.cumulativeEquipmentAt(own, month),
                InvestmentProgress.progressAt(p, own, month), own.stream().anyMatch(r -> r.getMonth().equals(month)),
                p.getActualStart() != null && YearMonth.from(p.getActualStart()).equals(month),
                p.getActualCompletion() != null && YearMonth.from(p.getActualCompletion()).equals(month));
        return new ProjectView(p.getId(), p.getName(), p.getType().code(), p.getType().label().zh(), p.getType().label().en(),
                new ProjectView.EnterpriseRef(owner.getId(), owner.getName(), owner.getUscc()),
                new ProjectView.LocalityRef(locality.getId(), locality.getNameZh(), locality.getNameEn()),
                p.getPlannedTotalInvestment(), p.getPlannedEquipmentInvestment(), p.getPlannedStart(), p.getPlannedCompletion(),
                p.getActualStart(), p.getActualCompletion(), p.isMajor(), p.getStatus().name(), p.getStatus().label().zh(),
                p.getStatus().label().en(), access.canMaintain(caller, p), p.getCreatedBy(), p.getCreatedAt(), p.getUpdatedBy(),
                p.getUpdatedAt(), monthEnd);
    }

    public List<ReportView> reports(Project project, List<ProgressReport> own) {
        List<ReportView> views = new ArrayList<>();
        BigDecimal previousInvestment = BigDecimal.ZERO;
        BigDecimal previousEquipment = BigDecimal.ZERO;
        for (ProgressReport r : own) {
            views.add(new ReportView(project.getId(), r.getMonth(), r.getCumulativeInvestment(), r.getCumulativeEquipment(),
                    r.getCumulativeInvestment().subtract(previousInvestment), r.getCumulativeEquipment().subtract(previousEquipment),
                    InvestmentProgress.progressAt(project, own, r.getMonth()), r.getNote(), r.getReportedBy(), r.getReportedAt(),
                    r.getCorrectedBy(), r.getCorrectedAt()));
            previousInvestment = r.getCumulativeInvestment();
            previousEquipment = r.getCumulativeEquipment();
        }
        return views;
    }
}
