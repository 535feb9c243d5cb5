package cn.huiqi.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
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
            DmnModelInstance model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
            java.util.List<String> keys = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
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
