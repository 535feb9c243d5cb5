package cn.huiqi.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * 走访: a locality (its own enterprises) or the lead bureau (any) records a visit; each problem found becomes a demand
 * of the enterprise (origin VISIT), opened on its behalf, which the enterprise sees in its list and can add to.
 */
@Component
class VisitRecords {

    static final int MAX_PROBLEMS = 20;
    static final LocalDate EARLIEST = LocalDate.of(2023, 1, 1);

    record VisitView(long id, long enterpriseId, String enterpriseName, LocalDate visitedOn, String visitors,
                     String recordedByUnit, String findings, String recordedBy, Instant recordedAt, List<String> demands) {
    }

    private final OfficialUnit officialUnit;
    private final EnterpriseRepository enterprises;
    private final VisitRepository visits;
    private final DemandRepository demands;
    private final DemandIntake intake;

    VisitRecords(OfficialUnit officialUnit, EnterpriseRepository enterprises, VisitRepository visits, DemandRepository demands,
                 DemandIntake intake) {
        this.officialUnit = officialUnit;
        this.enterprises = enterprises;
        this.visits = visits;
        this.demands = demands;
        this.intake = intake;
    }

    @Transactional
    VisitView record(Caller caller, Map<String, Object> body) {
        String unit = officialUnit.of(caller);
        FieldChecks checks = new FieldChecks();
        for (String field : body.keySet()) {
            if (!List.of("enterpriseId", "visitedOn", "visitors", "findings", "problems").contains(field)) {
                checks.add(field, "不认识的字段 " + field, "Unknown field " + field);
            }
        }
        Enterprise enterprise = enterprise(checks, body.get("enterpriseId"), unit);
        LocalDate visitedOn = visitedOn(checks, body.get("visitedOn"));
        String visitors = DemandFields.text(checks, "visitors", body.get("visitors"), "走访人员", "The visitors", 500);
        String findings = DemandFields.text(checks, "findings", body.get("findings"), "走访情况", "The findings",
                DemandFields.DESCRIPTION_MAX);
        List<NewDemand> problems = new ArrayList<>();
        Object raw = body.get("problems");
        if (raw != null && !(raw instanceof List<?>)) {
            checks.add("problems", "发现的问题应为列表", "problems must be a list");
        } else if (raw != null && ((List<?>) raw).size() > MAX_PROBLEMS) {
            checks.add("problems", "一次走访至多登记" + MAX_PROBLEMS + "个问题", "At most " + MAX_PROBLEMS + " problems per visit");
        } else if (raw != null) {
            List<?> list = (List<?>) raw;
            for (int i = 0; i < list.size(); i++) {
                String at = "problems[" + i + "].";
                if (!(list.get(i) instanceof Map<?, ?> problem)) {
                    checks.add("problems[" + i + "]", "每个问题应含类别、标题和内容", "Each problem needs a category, a title and a description");
                    continue;
                }
                for (Object field : problem.keySet()) {
                    if (!List.of("category", "title", "description", "scope", "utility").contains(field)) {
                        checks.add(at + field, "不认识的字段 " + field, "Unknown field " + field);
                    }
                }
                DemandCategory category = DemandFields.category(checks, at + "category", problem.get("category"));
                DemandScope scope = DemandFields.scope(checks, at + "scope", problem.get("scope"));
                Utility utility = category == null ? null : DemandFields.utility(checks, at + "utility", problem.get("utility"), category);
                String title = DemandFields.title(checks, at + "title", problem.get("title"));
                String description = DemandFields.description(checks, at + "description", problem.get("description"));
                problems.add(new NewDemand(enterprise, DemandOrigin.VISIT, category, scope, utility, title, description,
                        null, null, null, List.of()));
            }
        }
        checks.throwIfAny();
        Visit visit = visits.save(new Visit(enterprise.getId(), visitedOn, visitors, unit, findings, caller.userId(),
                Instant.now()));
        List<String> opened = new ArrayList<>();
        for (NewDemand problem : problems) {
            NewDemand demand = new NewDemand(enterprise, DemandOrigin.VISIT, problem.category(), problem.scope(), problem.utility(),
                    problem.title(), problem.description(), visit.getId(), null, null, List.of());
            opened.add(intake.open(demand).getCaseNumber());
        }
        return new VisitView(visit.getId(), enterprise.getId(), enterprise.getName(), visitedOn, visitors, unit, findings,
                caller.userId(), visit.getRecordedAt(), opened);
    }

    /** The lead bureau, administrators, policy staff and auditors read every visit; a locality its own; others nothing. */
    @Transactional(readOnly = true)
    List<VisitView> list(Caller caller) {
        List<Visit> found;
        if (caller.isInAny(Groups.LEAD_BUREAU, Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            found = visits.findAllByOrderByVisitedOnDescIdDesc();
        } else {
            found = visits.findByRecordedByUnitOrderByVisitedOnDescIdDesc(officialUnit.of(caller));
        }
        return found.stream().map(v -> new VisitView(v.getId(), v.getEnterpriseId(),
                enterprises.findById(v.getEnterpriseId()).map(Enterprise::getName).orElse(null), v.getVisitedOn(),
                v.getVisitors(), v.getRecordedByUnit(), v.getFindings(), v.getRecordedBy(), v.getRecordedAt(),
                demands.caseNumbersOfVisit(v.getId()))).toList();
    }

    private Enterprise enterprise(FieldChecks checks, Object raw, String unit) {
        String text = raw == null ? "" : raw.toString().strip();
        if (!(raw instanceof Number || raw instanceof String) || !text.matches("[1-9][0-9]{0,17}")) {
            checks.add("enterpriseId", "企业编号应为正整数", "enterpriseId must be a positive whole number");
            return null;
        }
        Enterprise enterprise = enterprises.findById(Long.valueOf(text)).orElse(null);
        if (enterprise == null || !OfficialUnit.covers(unit, enterprise)) {
            checks.add("enterpriseId", "企业 " + text + " 不在本单位辖区的企业名录中", "Enterprise " + text + " is not in your unit's register");
            return null;
        }
        return enterprise;
    }

    private static LocalDate visitedOn(FieldChecks checks, Object raw) {
        LocalDate date;
        try {
            date = raw instanceof String text ? LocalDate.parse(text.strip()) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            checks.add("visitedOn", "走访日期应为 YYYY-MM-DD 格式的日期", "visitedOn must be a date YYYY-MM-DD");
            return null;
        }
        if (date.isAfter(LocalDate.now(WorkingDays.CHINA))) {
            checks.add("visitedOn", "走访日期不能晚于今天", "visitedOn cannot be in the future");
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            checks.add("visitedOn", "走访日期不能早于2023-01-01", "visitedOn cannot be before 2023-01-01");
            return null;
        }
        return date;
    }
}
