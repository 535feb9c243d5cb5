package cn.huiqi.casefile;

import java.util.Map;
import java.util.Optional;

import cn.huiqi.identity.Caller;

/**
 * A measure's own readers of its cases, beyond {@link CaseVisibility}'s general rule (a Spring bean per measure that
 * needs one; default deny stays: an extension only ever adds readers, for its own measure's cases). Measure 7: the
 * units a demand was assigned to now or before, and the lead bureau all demands.
 */
public interface CaseVisibilityExtension {

    /** Whether this caller may read this case besides the general rule; false for a case of another measure (no SQL for it). */
    boolean canRead(Caller caller, CaseRecord caseRecord);

    /** The same rule as a list condition over {@code case_record c}, or empty when it adds nothing for this caller. */
    Optional<Condition> condition(Caller caller);

    /**
     * A SQL condition over {@code case_record c} and its named parameters; the extension names its parameters with a
     * prefix of its own so they never clash with the list's.
     */
    record Condition(String sql, Map<String, ?> params) {

        public Condition {
            params = Map.copyOf(params);
        }
    }
}
