package cn.huiqi.assistance;

import java.util.OptionalInt;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.huiqi.timelimit.StepLimits;

/**
 * Measure 7's limits from the routing result stored on each demand (DMN demand-routing, labelled defaults): 办理
 * handlingDays, plus extensionDays once gxj approved the one extension; 受理 acceptDays once known, else the configured
 * {@code huiqi.time-limits.steps.M7.Task_Accept}. gxj's own steps keep their configured limits.
 */
@Component
class DemandStepLimits implements StepLimits {

    private final DemandRepository demands;

    DemandStepLimits(DemandRepository demands) {
        this.demands = demands;
    }

    @Override
    public String measure() {
        return AssistanceMeasure.ID;
    }

    @Override
    public Set<String> steps() {
        return Set.of("Task_Accept", "Task_Handle");
    }

    @Override
    public OptionalInt limitOf(long caseId, String step) {
        Demand demand = demands.findById(caseId).orElse(null);
        if (demand == null) {
            return OptionalInt.empty();
        }
        if ("Task_Handle".equals(step) && demand.getHandlingDays() != null) {
            int extension = demand.isExtended() && demand.getExtensionDays() != null ? demand.getExtensionDays() : 0;
            return OptionalInt.of(demand.getHandlingDays() + extension);
        }
        if ("Task_Accept".equals(step) && demand.getAcceptDays() != null) {
            return OptionalInt.of(demand.getAcceptDays());
        }
        return OptionalInt.empty();
    }
}
