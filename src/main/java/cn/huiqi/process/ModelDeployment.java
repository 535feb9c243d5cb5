package cn.huiqi.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.huiqi.common.XmlReaders;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The one place where the bundled models reach the engine (the starter's auto-deployment is off).
 * <ul>
 * <li>BPMN and forms of {@code bpmn/}: one deployment, redeployed when any file changed (duplicate
 * filtering), so a process version always runs with the forms it was deployed with.</li>
 * <li>DMN of {@code dmn/}: a seed. A file is deployed only when none of its decisions exists yet.
 * After that the engine's latest version is the rule, whoever published it (rules page, deployment
 * {@code huiqi-rules-published}; Camunda Modeler through /engine-rest); a restart or a new jar never
 * puts the bundled table back on top. A file of which only some decisions exist is not deployed (that
 * would put the bundled version of the others on top): it is logged, and staff publish the new
 * decision. {@code huiqi.rules.seed-location} (default {@value #DEFAULT_SEED_LOCATION}) says where
 * the seed tables are.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ModelDeployment implements ApplicationRunner {

    public static final String PROCESS_DEPLOYMENT = "huiqi-processes";
    public static final String RULE_SEED_DEPLOYMENT = "huiqi-rules-seed";
    public static final String DEFAULT_SEED_LOCATION = "classpath*:dmn/**/*.dmn";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;
    private final String seedLocation;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public ModelDeployment(RepositoryService repositoryService,
                           @org.springframework.beans.factory.annotation.Value("${huiqi.rules.seed-location:" + DEFAULT_SEED_LOCATION + "}")
                           String seedLocation) {
        this.repositoryService = repositoryService;
        this.seedLocation = seedLocation;
    }

    @Override
    public void run(ApplicationArguments args) {
        deployProcesses();
        seedDecisions();
    }

    public void deployProcesses() {
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(PROCESS_DEPLOYMENT)
                .source("huiqi")
                .enableDuplicateFiltering(false);
        for (Resource resource : resources("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.form")) {
            deployment.addInputStream(resource.getFilename(), new java.io.ByteArrayInputStream(read(resource)));
        }
        deployment.deploy();
    }

    public void seedDecisions() {
        for (Resource resource : resources(seedLocation)) {
            byte[] xml = read(resource);
            java.util.List<String> keys = decisionIds(xml, resource);
            java.util.List<String> missing = keys.stream()
                    .filter(key -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() == 0)
                    .toList();
            if (!missing.isEmpty() && missing.size() < keys.size()) {
                log.warn("Not seeding {}: decisions {} exist already and would be replaced; publish {} from the rules page",
                        resource.getFilename(), keys.stream().filter(k -> !missing.contains(k)).toList(), missing);
            } else if (!missing.isEmpty()) {
                log.info("Seeding decision table {}", resource.getFilename());
                repositoryService.createDeployment()
                        .name(RULE_SEED_DEPLOYMENT)
                        .source("huiqi")
                        .addInputStream(resource.getFilename(), new java.io.ByteArrayInputStream(xml))
                        .deploy();
            }
        }
    }

    /**
     * The ids of a DMN file's decisions (the {@code decision} elements of its {@code definitions}), read with StAX:
     * the engine parses the file anyway when it is deployed, and reading it with the DMN model API as well cost
     * each start as much as the deployment itself.
     */
    static java.util.List<String> decisionIds(byte[] xml, Resource resource) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            XMLStreamReader reader = XmlReaders.read(new java.io.ByteArrayInputStream(xml));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && reader.getLocalName().equals("decision")) {
                        ids.add(reader.getAttributeValue(null, "id"));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read the decisions of " + resource + ": " + e.getMessage(), e);
        }
        return ids;
    }

    private Resource[] resources(String... patterns) {
        try {
            java.util.List<Resource> all = new java.util.ArrayList<>();
            for (String pattern : patterns) {
                all.addAll(java.util.List.of(resolver.getResources(pattern)));
            }
            return all.toArray(Resource[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
