package cn.huiqi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.MeasureUnits;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * The catalogue's, the guides' and 督办's reading of DMN responsible-units: each version in force is evaluated once per
 * measure, not on every read (a read wrote nine decision instances before), and a new version is read at once.
 */
class ResponsibleUnitsOfMeasuresTest extends ProcessTestSupport {

    @Autowired
    MeasureUnits measureUnits;
    @Autowired
    MeasureCatalogue catalogue;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    @Test
    void eachVersionOfTheTableIsEvaluatedOncePerMeasureNotOnEveryRead() throws IOException {
        measureUnits.of(catalogue.all());
        long decided = decisionInstances();
        assertThat(measureUnits.of(catalogue.all()).get("M1").review()).extracting(MeasureUnits.UnitRef::id)
                .containsExactly("gxj", "swj");
        assertThat(decisionInstances()).as("a second read evaluates nothing and writes no history").isEqualTo(decided);

        String inForce = xmlOf(repository.createDecisionDefinitionQuery().decisionDefinitionKey(ResponsibleUnitsOfMeasures.DECISION)
                .latestVersion().singleResult());
        String m1ByGxjAlone = inForce.replaceFirst("<text>\"gxj,swj\"</text>", "<text>\"gxj\"</text>");
        assertThat(m1ByGxjAlone).isNotEqualTo(inForce);
        Deployment next = repository.createDeployment().name("responsible-units").addString("responsible-units.dmn", m1ByGxjAlone).deploy();
        try {
            assertThat(measureUnits.of(catalogue.all()).get("M1").review()).as("the new version, at the next read")
                    .extracting(MeasureUnits.UnitRef::id).containsExactly("gxj");
            assertThat(decisionInstances()).isEqualTo(decided + catalogue.all().size());
        } finally {
            repository.deleteDeployment(next.getId(), true);
        }
        assertThat(measureUnits.of(catalogue.all()).get("M1").review()).as("the version in force again")
                .extracting(MeasureUnits.UnitRef::id).containsExactly("gxj", "swj");
    }

    private long decisionInstances() {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(ResponsibleUnitsOfMeasures.DECISION).count();
    }

    private String xmlOf(DecisionDefinition definition) throws IOException {
        try (InputStream in = repository.getDecisionModel(definition.getId())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
