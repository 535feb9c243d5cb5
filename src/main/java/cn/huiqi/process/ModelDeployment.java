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
 * <li>DMN of {@code dmn/}: a seed. A table is deployed only when no decision with its key exists.
 * After that the engine's latest version is the rule, whoever published it (rules page, Camunda
 * Modeler); a restart or a new jar never puts the bundled table back on top.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ModelDeployment implements ApplicationRunner {

    public static final String PROCESS_DEPLOYMENT = "huiqi-processes";
    public static final String RULE_SEED_DEPLOYMENT = "huiqi-rules-seed";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public ModelDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
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
        for (Resource resource : resources("classpath*:dmn/**/*.dmn")) {
            byte[] xml = read(resource);
            DmnModelInstance model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
            boolean anyMissing = model.getModelElementsByType(Decision.class).stream()
                    .anyMatch(d -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(d.getId()).count() == 0);
            if (anyMissing) {
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
