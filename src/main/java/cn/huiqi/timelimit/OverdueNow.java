package cn.huiqi.timelimit;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * "Overdue now" for figures: the cases whose running step (its step clock, not the enterprise's supplement) is past
 * its due instant at the engine's clock — the same test as the case view's step times.
 */
@Component
public class OverdueNow {

    private final StepClocks clocks;

    OverdueNow(StepClocks clocks) {
        this.clocks = clocks;
    }

    /** The engine's clock, the one the step clocks run on. */
    public Instant now() {
        return TimeLimits.now();
    }

    /** The ids of the cases of this measure with a step running past its due instant now. */
    public Set<Long> casesOf(String measure) {
        return clocks.casesOverdueAt(measure, now());
    }
}
