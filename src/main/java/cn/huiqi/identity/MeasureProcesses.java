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

    /** Processes whose tasks units work on: units read the definition so Tasklist can show its name. */
    List<String> workedOnByUnits() {
        List<String> keys = new ArrayList<>();
        keys.add(REVIEW_CHAIN);
        catalogue.all().forEach(m -> m.processKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add));
        return keys;
    }
}
