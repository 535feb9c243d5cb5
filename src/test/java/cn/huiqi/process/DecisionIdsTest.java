package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** {@link ModelDeployment#decisionIds}: the same decisions the DMN model API finds, for every bundled table. */
class DecisionIdsTest {

    @Test
    void everyBundledTableHasTheDecisionsTheModelApiReads() throws Exception {
        Resource[] tables = new PathMatchingResourcePatternResolver().getResources(ModelDeployment.DEFAULT_SEED_LOCATION);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(7);
        for (Resource table : tables) {
            byte[] xml = table.getContentAsByteArray();
            assertThat(ModelDeployment.decisionIds(xml, table)).as(table.getFilename())
                    .isNotEmpty()
                    .containsExactlyElementsOf(Dmn.readModelFromStream(new ByteArrayInputStream(xml))
                            .getModelElementsByType(Decision.class).stream().map(Decision::getId).toList());
        }
    }

    @Test
    void aFileThatIsNoXmlStopsTheSeedNamingIt() {
        ByteArrayResource broken = new ByteArrayResource("<definitions><decision id=\"a\">".getBytes(StandardCharsets.UTF_8), "broken.dmn");
        assertThatThrownBy(() -> ModelDeployment.decisionIds(broken.getContentAsByteArray(), broken))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.dmn");
    }

    @Test
    void anExternalEntityIsNotRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions><decision id=\"&x;\"/></definitions>";
        ByteArrayResource hostile = new ByteArrayResource(xxe.getBytes(StandardCharsets.UTF_8), "hostile.dmn");
        assertThatThrownBy(() -> ModelDeployment.decisionIds(hostile.getContentAsByteArray(), hostile))
                .isInstanceOf(IllegalStateException.class);
    }
}
