package cn.huiqi.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import cn.huiqi.common.Label;

/** At start every measure must name a policy document that table policy_document holds. */
class PolicyDocumentsTest {

    @Test
    void measuresOfAKnownDocumentStart() {
        PolicyDocumentRepository documents = Mockito.mock(PolicyDocumentRepository.class);
        Mockito.when(documents.existsById(PolicyDocuments.NANCHANG_2023_81)).thenReturn(true);
        assertThatNoException().isThrownBy(() -> new PolicyDocuments(documents, DeclaredMeasures.catalogue()).afterSingletonsInstantiated());
    }

    @Test
    void aMeasureOfAnUnknownDocumentStopsTheStartNamingIt() {
        PolicyDocumentRepository documents = Mockito.mock(PolicyDocumentRepository.class);
        Mockito.when(documents.existsById(PolicyDocuments.NANCHANG_2023_81)).thenReturn(true);
        List<Measure> measures = new ArrayList<>(DeclaredMeasures.declared());
        measures.add(new Measure("M10", "hfbf-2024-1", "第1条", Label.of("明年", "next year"), ApplicantKind.ENTERPRISE,
                List.of(), List.of(), false, false));
        PolicyDocuments check = new PolicyDocuments(documents, new MeasureCatalogue(measures));
        assertThatThrownBy(check::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("M10 → hfbf-2024-1");
        assertThatThrownBy(() -> check.fundTotal("hfbf-2024-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hfbf-2024-1");
        assertThat(check.find("hfbf-2024-1")).isEmpty();
    }
}
