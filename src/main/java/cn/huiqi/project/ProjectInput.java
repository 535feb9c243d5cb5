package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Checks the fields of a project and of a monthly report on the server and collects every problem, so
 * a user sees all refused fields at once (400). Nothing is written before these checks pass.
 */
@Component
class ProjectInput {

    /** A project's fields after checking. */
    public record Values(String localityUnitId, String name, ProjectType type, BigDecimal plannedTotalInvestment,
                         BigDecimal plannedEquipmentInvestment, LocalDate plannedStart, LocalDate plannedCompletion,
                         LocalDate actualStart, LocalDate actualCompletion, boolean major) {
    }

    /** A report's amounts after checking. */
    public record Amounts(BigDecimal cumulativeInvestment, BigDecimal cumulativeEquipment, String note) {
    }

    private final UnitRepository units;

    public ProjectInput(UnitRepository units) {
        this.units = units;
    }

    public Values project(ProjectRequest r, Enterprise owner, LocalDate today) {
        if (r == null) {
            throw new InvalidInputException(null, "请求内容不能为空", "The request body is required");
        }
        FieldChecks checks = new FieldChecks();
        String locality = r.localityUnitId() == null || r.localityUnitId().isBlank()
                ? (owner == null ? null : owner.getLocalityUnitId()) : r.localityUnitId().strip();
        if (locality != null && units.findById(locality).filter(Unit::isLocality).isEmpty()) {
            checks.add("localityUnitId", "属地 " + locality + " 不是本市的县区、开发区或湾里管理局",
                    "Locality " + locality + " is not one of the city's localities");
        }
        String name = checks.requiredText("name", r.name(), "项目名称", "Project name", 200);
        ProjectType type = null;
        if (r.type() == null || r.type().isBlank()) {
            checks.add("type", "项目类型不能为空（new 新建 / renovation 技术改造）", "The project type is required (new / renovation)");
        } else {
            type = ProjectType.ofCode(r.type().strip()).orElse(null);
            if (type == null) {
                checks.add("type", "项目类型只能是 new（新建）或 renovation（技术改造）", "The project type must be new or renovation");
            }
        }
        BigDecimal total = amount(checks, r.plannedTotalInvestment(), "plannedTotalInvestment", "计划总投资", "Planned total investment", false);
        BigDecimal equipment = amount(checks, r.plannedEquipmentInvestment(), "plannedEquipmentInvestment", "计划设备投资",
                "Planned equipment investment", true);
        if (total != null && equipment != null && equipment.compareTo(total) > 0) {
            checks.add("plannedEquipmentInvestment", "计划设备投资不能超过计划总投资",
                    "The planned equipment investment may not exceed the planned total investment");
        }
        LocalDate plannedStart = Months.date(checks, r.plannedStart(), "plannedStart", "计划开工日期", "Planned start", true);
        LocalDate plannedCompletion = Months.date(checks, r.plannedCompletion(), "plannedCompletion", "计划完工日期",
                "Planned completion", true);
        if (plannedStart != null && plannedCompletion != null && plannedCompletion.isBefore(plannedStart)) {
            checks.add("plannedCompletion", "计划完工日期不能早于计划开工日期", "The planned completion may not be before the planned start");
        }
        LocalDate actualStart = Months.date(checks, r.actualStart(), "actualStart", "实际开工日期", "Actual start", false);
        LocalDate actualCompletion = Months.date(checks, r.actualCompletion(), "actualCompletion", "实际完工日期",
                "Actual completion", false);
        if (actualStart != null && actualStart.isAfter(today)) {
            checks.add("actualStart", "实际开工日期不能晚于今天", "The actual start may not be in the future");
        }
        if (actualCompletion != null) {
            if (actualCompletion.isAfter(today)) {
                checks.add("actualCompletion", "实际完工日期不能晚于今天", "The actual completion may not be in the future");
            }
            if (actualStart == null && !checks.has("actualStart")) {
                checks.add("actualCompletion", "填写实际完工日期前须先填写实际开工日期", "An actual completion needs an actual start");
            } else if (actualStart != null && actualCompletion.isBefore(actualStart)) {
                checks.add("actualCompletion", "实际完工日期不能早于实际开工日期", "The actual completion may not be before the actual start");
            }
        }
        checks.throwIfAny();
        return new Values(locality, name, type, total, equipment, plannedStart, plannedCompletion, actualStart, actualCompletion,
                Boolean.TRUE.equals(r.major()));
    }

    /** The amounts of a report for {@code month}; neighbours are the reports just before and after it (may be null). */
    public Amounts report(ReportRequest r, YearMonth month, ProgressReport previous, ProgressReport next, boolean correction) {
        if (r == null) {
            throw new InvalidInputException(null, "请求内容不能为空", "The request body is required");
        }
        FieldChecks checks = new FieldChecks();
        BigDecimal investment = amount(checks, r.cumulativeInvestment(), "cumulativeInvestment", "累计完成投资",
                "Cumulative investment", true);
        BigDecimal equipment = amount(checks, r.cumulativeEquipmentInvestment(), "cumulativeEquipmentInvestment",
                "累计完成设备投资", "Cumulative equipment investment", true);
        if (investment != null && equipment != null && equipment.compareTo(investment) > 0) {
            checks.add("cumulativeEquipmentInvestment", "累计设备投资不能超过累计完成投资",
                    "The cumulative equipment investment may not exceed the cumulative investment");
        }
        if (month.isAfter(Months.current())) {
            checks.add("month", "不能填报未来月份的进度", "A report may not be for a future month");
        }
        if (previous != null) {
            if (investment != null && investment.compareTo(previous.getCumulativeInvestment()) < 0) {
                checks.add("cumulativeInvestment", "累计完成投资不能小于 " + previous.getMonth() + " 的累计数 "
                                + Money.format(previous.getCumulativeInvestment()) + " 元（累计数只增不减）",
                        "The cumulative investment may not be below " + Money.format(previous.getCumulativeInvestment())
                                + " reported for " + previous.getMonth() + " (cumulative values never decrease)");
            }
            if (equipment != null && equipment.compareTo(previous.getCumulativeEquipment()) < 0) {
                checks.add("cumulativeEquipmentInvestment", "累计设备投资不能小于 " + previous.getMonth() + " 的累计数 "
                                + Money.format(previous.getCumulativeEquipment()) + " 元",
                        "The cumulative equipment investment may not be below " + Money.format(previous.getCumulativeEquipment())
                                + " reported for " + previous.getMonth());
            }
        }
        if (next != null) {
            if (investment != null && investment.compareTo(next.getCumulativeInvestment()) > 0) {
                checks.add("cumulativeInvestment", "累计完成投资不能大于 " + next.getMonth() + " 的累计数 "
                                + Money.format(next.getCumulativeInvestment()) + " 元，请先更正该月",
                        "The cumulative investment may not exceed " + Money.format(next.getCumulativeInvestment())
                                + " reported for " + next.getMonth() + "; correct that month first");
            }
            if (equipment != null && equipment.compareTo(next.getCumulativeEquipment()) > 0) {
                checks.add("cumulativeEquipmentInvestment", "累计设备投资不能大于 " + next.getMonth() + " 的累计数 "
                                + Money.format(next.getCumulativeEquipment()) + " 元，请先更正该月",
                        "The cumulative equipment investment may not exceed " + Money.format(next.getCumulativeEquipment())
                                + " reported for " + next.getMonth() + "; correct that month first");
            }
        }
        String note = optionalText(checks, r.note(), "note", "说明", "Note", 500);
        if (correction) {
            checks.requiredText("correctionReason", r.correctionReason(), "更正理由", "Reason of the correction", 500);
        }
        checks.throwIfAny();
        return new Amounts(investment, equipment, note);
    }

    static String optionalText(FieldChecks checks, String raw, String field, String zh, String en, int max) {
        return raw == null || raw.isBlank() ? null : checks.requiredText(field, raw, zh, en, max);
    }

    /** An exact amount via {@link Money#parse}; zero is accepted only where {@code zeroAllowed}. */
    static BigDecimal amount(FieldChecks checks, String raw, String field, String zh, String en, boolean zeroAllowed) {
        try {
            return zeroAllowed ? Money.parseAllowingZero(raw, field, zh, en) : Money.parse(raw, field, zh, en);
        } catch (InvalidInputException e) {
            e.getProblems().forEach(p -> checks.add(p.field(), p.zh(), p.en()));
            return null;
        }
    }
}
