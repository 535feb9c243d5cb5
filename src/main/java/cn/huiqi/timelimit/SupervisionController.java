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
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.MeasureUnits;
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

    @GetMapping
    // not read-only: the responsible-units decision it evaluates writes its decision history
    @Transactional
    public List<Item> open() {
        Caller caller = currentCaller.get();
        List<String> leads = measureUnits.of(catalogue.all()).values().stream().map(MeasureUnits.Units::lead).filter(Objects::nonNull)
                .map(MeasureUnits.UnitRef::id).distinct().filter(caller::isIn).toList();
        if (leads.isEmpty()) {
            throw new AccessDeniedException(caller.userId() + " is in no lead unit and reads no 督办 items");
        }
        Map<String, Unit> byId = units.findAll().stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
        var today = TimeLimits.now().atZone(WorkingDays.CHINA).toLocalDate();
        return clocks.openSupervisionOf(leads).stream().map(item -> new Item(item.id(), item.subject(), item.measure(), item.step(),
                item.stepName(), item.unit(), item.unit() == null || !byId.containsKey(item.unit()) ? null : byId.get(item.unit()).getNameZh(),
                item.leadUnit(), item.due(), item.openedAt(),
                workingDays.workingDaysBetween(TimeLimits.lastDayOf(item.due()), today))).toList();
    }
}
