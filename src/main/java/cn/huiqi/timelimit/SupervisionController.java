package cn.huiqi.timelimit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.MeasureUnits;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.ListPaging;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * 督办: the open items of the steps that passed their time limit, for the lead units that supervise them. Default deny:
 * only members of a measure's lead unit (as DMN responsible-units names it, e.g. 市工信局 gxj) read it, and each
 * reads the items of its own units; everyone else gets 403.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    /** An open item as the page shows it; {@code overdueDays}: working days since the limit passed. */
    record Item(long id, String subject, String measure, String step, String stepName, String unit, String unitName,
                String leadUnit, Instant due, Instant openedAt, int overdueDays) {
    }

    private final StepClocks clocks;
    private final CurrentCaller currentCaller;
    private final MeasureCatalogue catalogue;
    private final MeasureUnits measureUnits;
    private final UnitRepository units;
    private final WorkingDays workingDays;

    SupervisionController(StepClocks clocks, CurrentCaller currentCaller, MeasureCatalogue catalogue, MeasureUnits measureUnits,
                          UnitRepository units, WorkingDays workingDays) {
        this.clocks = clocks;
        this.currentCaller = currentCaller;
        this.catalogue = catalogue;
        this.measureUnits = measureUnits;
        this.units = units;
        this.workingDays = workingDays;
    }

    /** Most overdue first by default. */
    private static final ListPaging.Sorts SORTS = ListPaging.Sorts.of(List.of("due", "openedAt", "measure"), List.of());

    @GetMapping
    // not read-only: the responsible-units decision it evaluates writes its decision history
    @Transactional
    @Operation(summary = "督办事项（分页；按措施、办理单位筛选；按到期时间、督办时间、措施排序）"
            + " / Open overdue items of the caller's lead units, paged; filter by measure, unit; sort by due, openedAt, measure")
    public ListPaging.Page<Item> open(@RequestParam(name = "measure", required = false) String measure,
                                      @RequestParam(name = "unit", required = false) String unit,
                                      @RequestParam(name = "sort", required = false) String sort,
                                      @RequestParam(name = "order", required = false) String order,
                                      @RequestParam(name = "page", required = false) String page,
                                      @RequestParam(name = "size", required = false) String size) {
        Caller caller = currentCaller.get();
        Map<String, MeasureUnits.Units> byMeasure = measureUnits.of(catalogue.all());
        List<String> leads = byMeasure.values().stream().map(MeasureUnits.Units::lead).filter(Objects::nonNull)
                .map(MeasureUnits.UnitRef::id).distinct().filter(caller::isIn).toList();
        if (leads.isEmpty()) {
            throw new AccessDeniedException(caller.userId() + " is in no lead unit and reads no 督办 items");
        }
        Map<String, Unit> byId = units.findAllByOrderBySortOrder().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
        FieldChecks checks = new FieldChecks();
        String measureId = ListPaging.blankToNull(measure);
        if (measureId != null && !byMeasure.containsKey(measureId)) {
            checks.add("measure", "没有措施 " + ListPaging.shown(measureId), "There is no measure " + ListPaging.shown(measureId));
        }
        String unitId = ListPaging.blankToNull(unit);
        if (unitId != null && !byId.containsKey(unitId)) {
            checks.add("unit", "没有单位 " + ListPaging.shown(unitId), "There is no unit " + ListPaging.shown(unitId));
        }
        ListPaging paging = ListPaging.check(checks, SORTS, page, size, sort, order);
        checks.throwIfAny();
        var today = TimeLimits.now().atZone(WorkingDays.CHINA).toLocalDate();
        ListPaging.Page<SupervisionItem> found = clocks.openSupervisionOf(leads, measureId, unitId, paging);
        return paging.page(found.items().stream().map(item -> new Item(item.id(), item.subject(), item.measure(), item.step(),
                item.stepName(), item.unit(), item.unit() == null || !byId.containsKey(item.unit()) ? null : byId.get(item.unit()).getNameZh(),
                item.leadUnit(), item.due(), item.openedAt(),
                workingDays.workingDaysBetween(TimeLimits.lastDayOf(item.due()), today))).toList(), found.total());
    }
}
