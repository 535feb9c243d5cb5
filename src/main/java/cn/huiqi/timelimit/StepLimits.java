package cn.huiqi.timelimit;

import java.util.OptionalInt;
import java.util.Set;

/**
 * A measure's own limits for some of its steps, read from its cases (e.g. measure 7's from the routing table stored on
 * each demand) and consulted before {@code huiqi.time-limits}. A step it governs keeps one clock per scope: when its
 * task is created again in the same scope (after a gxj decision, an extension, the enterprise's information) the clock
 * resumes with the days already used and the limit answered now (so an approved extension lengthens it).
 */
public interface StepLimits {

    /** The measure whose steps these are. */
    String measure();

    /** The steps (user task ids) it gives limits for: {@code TimeLimitSetup} counts them as covered. */
    Set<String> steps();

    /** The limit of this case's step in working days, or empty to fall back to the configuration. */
    OptionalInt limitOf(long caseId, String step);
}
