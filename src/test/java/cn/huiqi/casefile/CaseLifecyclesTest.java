package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.Label;

/** A case's statuses come from its measure: the reward lifecycle for measures that pay, none for the others yet. */
class CaseLifecyclesTest {

    /** A lifecycle of another kind of measure (as measure 7's demands will have). */
    enum DemandStatus implements CaseStatus {
        OPEN, SOLVED;

        @Override
        public Label label() { return Label.of(name(), name()); }

        @Override
        public boolean isFinal() { return this == SOLVED; }
    }

    private static final CaseLifecycle DEMANDS = new CaseLifecycle() {
        @Override
        public boolean governs(Measure measure) { return measure.id().equals("M7"); }

        @Override
        public List<DemandStatus> statuses() { return List.of(DemandStatus.values()); }

        @Override
        public CaseStatus initial() { return DemandStatus.OPEN; }
    };

    private static Measure measure(String id, ApplicantKind applicant, boolean pays) {
        return new Measure(id, "p", "第x条", Label.of(id, id), applicant, List.of(), List.of(), pays, false);
    }

    private final MeasureCatalogue catalogue = new MeasureCatalogue(List.of(measure("M1", ApplicantKind.ENTERPRISE, true),
            measure("M3", ApplicantKind.PROJECT_OWNER, true), measure("M5", ApplicantKind.LOCALITY, true),
            measure("M7", ApplicantKind.ENTERPRISE, false), measure("M8", ApplicantKind.ENTERPRISE, false),
            measure("M9", ApplicantKind.NONE, false)));

    @Test
    void measuresThatPayShareTheRewardLifecycle() {
        CaseLifecycles lifecycles = new CaseLifecycles(catalogue, List.of(new RewardLifecycle(), DEMANDS), event -> { });
        for (String id : List.of("M1", "M3", "M5")) {
            assertThat(lifecycles.of(id).initial()).isEqualTo(RewardStatus.SUBMITTED);
            assertThat(List.<CaseStatus>copyOf(lifecycles.of(id).statuses())).contains(RewardStatus.PAID, RewardStatus.NOT_FUNDED);
        }
        assertThat(lifecycles.of("M7").initial()).isEqualTo(DemandStatus.OPEN);
        assertThatThrownBy(() -> lifecycles.of("M8")).isInstanceOf(IllegalStateException.class).hasMessageContaining("M8");
    }

    @Test
    void aCaseMovesOnlyToAStatusOfItsMeasure() {
        CaseLifecycles lifecycles = new CaseLifecycles(catalogue, List.of(new RewardLifecycle(), DEMANDS), event -> { });
        CaseRecord reward = new CaseRecord("M1", Applicant.enterprise(1L), "donghu", "ENTERPRISE", null, "{}", "u", RewardStatus.SUBMITTED);
        lifecycles.moveTo(reward, RewardStatus.CITY_REVIEW);
        assertThat(reward.getStatus()).isEqualTo("CITY_REVIEW");
        assertThat(lifecycles.statusOf(reward).label()).isEqualTo(Label.of("市级审核中", "City review"));
        assertThatThrownBy(() -> lifecycles.moveTo(reward, DemandStatus.SOLVED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lifecycles.status(reward, "SOLVED")).isInstanceOf(IllegalArgumentException.class);
        assertThat(reward.getStatus()).isEqualTo("CITY_REVIEW");

        CaseRecord demand = new CaseRecord("M7", Applicant.enterprise(1L), "donghu", "D-1", null, "{}", "u", DemandStatus.OPEN);
        assertThatThrownBy(() -> lifecycles.moveTo(demand, RewardStatus.PAID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyApplicantKindNamesExactlyItsOwnIdentifier() {
        assertThat(Applicant.enterprise(7L).key()).isEqualTo("E:7");
        assertThat(Applicant.projectOwner(7L, 3L).key()).isEqualTo("E:7");
        assertThat(Applicant.locality("donghu").key()).isEqualTo("U:donghu");
        assertThatThrownBy(() -> new Applicant(ApplicantKind.LOCALITY, 7L, null, "donghu")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Applicant(ApplicantKind.PROJECT_OWNER, 7L, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Applicant(ApplicantKind.NONE, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
