package cn.huiqi.casefile;

import java.util.List;
import java.util.Optional;

import cn.huiqi.catalogue.Measure;

/**
 * The statuses the cases of some measures may take (a Spring bean per lifecycle). Exactly one lifecycle
 * governs each measure that has cases; {@link CaseLifecycles} finds it by the case's measure.
 */
public interface CaseLifecycle {

    /** Whether the cases of this measure follow this lifecycle. */
    boolean governs(Measure measure);

    /** Every status, in the order a case usually passes them. */
    List<? extends CaseStatus> statuses();

    /** The status of a case just opened. */
    CaseStatus initial();

    default Optional<CaseStatus> find(String name) {
        return statuses().stream().filter(s -> s.name().equals(name)).map(CaseStatus.class::cast).findFirst();
    }

    default boolean allows(CaseStatus status) {
        return statuses().contains(status);
    }
}
