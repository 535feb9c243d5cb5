package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/** One bundled table of {@code dmn/}, evaluated by the standalone DMN engine (no Spring, no database). */
final class DecisionTable {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final String resource;
    private final DmnDecision decision;

    private DecisionTable(String resource, DmnDecision decision) {
        this.resource = resource;
        this.decision = decision;
    }

    static DecisionTable load(String key) {
        String resource = "dmn/" + key + ".dmn";
        try (InputStream in = open(resource)) {
            return new DecisionTable(resource, ENGINE.parseDecision(key, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table given as XML (e.g. a bundled table edited as the rules page would), for the same checks. */
    static DecisionTable fromXml(String key, String xml) {
        return new DecisionTable(null, ENGINE.parseDecision(key,
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** The bundled table's XML. */
    static String xml(String key) {
        try (InputStream in = open("dmn/" + key + ".dmn")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UNIQUE hit policy: exactly one rule matches these inputs. */
    DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
        DmnDecisionResult result = ENGINE.evaluateDecision(decision, inputs);
        assertThat(result).as("UNIQUE: exactly one rule matches %s", inputs).hasSize(1);
        return result.getSingleResult();
    }

    Collection<Rule> rules() {
        try (InputStream in = open(resource)) {
            return Dmn.readModelFromStream(in).getModelElementsByType(Rule.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A money or rate output as an exact decimal; the engine hands back Long or Double (see docs/rules.md). */
    static BigDecimal exact(Object value) {
        return new BigDecimal(value.toString());
    }

    private static InputStream open(String resource) {
        return DecisionTable.class.getClassLoader().getResourceAsStream(resource);
    }
}
