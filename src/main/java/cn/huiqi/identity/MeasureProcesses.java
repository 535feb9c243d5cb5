package cn.huiqi.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;

/** Keys of the measure processes, as far as authorizations care about them: read from the measure catalogue. */
@Component
class MeasureProcesses {

    /** The review and payment chain every reward measure calls (units work on its tasks). */
    static final String REVIEW_CHAIN = "review-chain";

    /**
     * The processes the measures' processes call (call activities), which belong to no single measure: review-chain
     * (measures 1-3), evaluation-round and its evaluation-award (measures 5 and 6). They are not in any measure's
     * {@code processKeys}, since MeasureCatalogue maps a process to its one measure.
     */
    static final List<String> CALLED = List.of(REVIEW_CHAIN, "evaluation-round", "evaluation-award");

    private final MeasureCatalogue catalogue;

    MeasureProcesses(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Processes an enterprise may start itself (Tasklist start form or the API): the application processes of the
     * measures an enterprise applies for, as itself or as a project's owner. */
    List<String> startedByEnterprises() {
        return catalogue.all().stream()
                .filter(m -> m.applicant() == ApplicantKind.ENTERPRISE || m.applicant() == ApplicantKind.PROJECT_OWNER)
                .map(Measure::applicationProcess).flatMap(Optional::stream).toList();
    }

    /** Processes whose tasks units work on or follow: units read the definition so Tasklist and Cockpit can show its name. */
    List<String> workedOnByUnits() {
        List<String> keys = new ArrayList<>(CALLED);
        catalogue.all().forEach(m -> m.processKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add));
        return keys;
    }
}
