package cn.huiqi.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiqi.common.Label;

/** The measures as declared in their packages: nine, in policy order, each once, found by rule table and process. */
class MeasureCatalogueTest {

    private final MeasureCatalogue catalogue = DeclaredMeasures.catalogue();

    @Test
    void theNineMeasuresOfThePolicyInItsOrder() {
        assertThat(catalogue.ids()).containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9");
        assertThat(catalogue.all()).extracting(Measure::clause)
                .containsExactly("第1条", "第2条", "第3条", "第4条", "第5条", "第6条", "第7条", "第8条", "第9条");
        assertThat(catalogue.policies()).containsExactly(PolicyDocuments.NANCHANG_2023_81);
        assertThat(catalogue.require("M1").name().zh()).isEqualTo("支持工业企业拓展国内国际市场");
    }

    @Test
    void eachMeasureIsDeclaredOnce() {
        List<Measure> declared = DeclaredMeasures.declared();
        assertThat(declared).hasSize(9);
        List<Measure> twice = new ArrayList<>(declared);
        twice.add(catalogue.require("M2"));
        assertThatThrownBy(() -> new MeasureCatalogue(twice)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("M2 is declared twice");
    }

    @Test
    void theOrderIsThePolicysWhateverTheDeclarationOrderAndTenFollowsNine() {
        List<Measure> shuffled = new ArrayList<>(DeclaredMeasures.declared());
        shuffled.add(new Measure("M10", "next-year", "第10条", Label.of("十", "ten"), ApplicantKind.NONE, List.of(), List.of(), false, true));
        Collections.reverse(shuffled);
        assertThat(new MeasureCatalogue(shuffled).ids()).containsExactly("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10");
    }

    @Test
    void rewardTablesAndProcessesNameTheirMeasure() {
        assertThat(catalogue.byRuleTable("order-reward")).map(Measure::id).hasValue("M1");
        assertThat(catalogue.byRuleTable("growth-reward")).map(Measure::id).hasValue("M2");
        assertThat(catalogue.byRuleTable("investment-reward")).map(Measure::id).hasValue("M3");
        assertThat(catalogue.byRuleTable("responsible-units")).isEmpty(); // shared routing, no measure's
        assertThat(catalogue.byProcess("m1-order-reward")).map(Measure::id).hasValue("M1");
        assertThat(catalogue.byProcess("m3-investment-reward")).map(Measure::id).hasValue("M3");
        assertThat(catalogue.byProcess("review-chain")).isEmpty();
    }

    @Test
    void whatEachMeasureIs() {
        assertThat(catalogue.paying()).extracting(Measure::id).containsExactly("M1", "M2", "M3", "M5", "M6");
        assertThat(catalogue.withApplicationProcess()).extracting(Measure::id).containsExactly("M1", "M2", "M3");
        assertThat(catalogue.all()).filteredOn(Measure::continuous).extracting(Measure::id).containsExactly("M4", "M7", "M8", "M9");
        assertThat(catalogue.require("M3").applicant()).isEqualTo(ApplicantKind.PROJECT_OWNER);
        assertThat(catalogue.require("M5").applicant()).isEqualTo(ApplicantKind.LOCALITY);
        // the policy's only figure for a measure's pool: 第1条 "总奖励金额不超过500万元"
        assertThat(catalogue.require("M1").policyPoolCap()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("5000000.00"));
        assertThat(catalogue.all()).filteredOn(m -> m.poolCap() != null).extracting(Measure::id).containsExactly("M1");
        assertThat(catalogue.require("M4").pool()).isEmpty();
        assertThat(catalogue.require("M2").pool()).hasValue("M2");
        assertThatThrownBy(() -> catalogue.require("M99")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M99");
    }
}
