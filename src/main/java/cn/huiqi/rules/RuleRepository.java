package cn.huiqi.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Component;

import cn.huiqi.common.NotFoundException;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.process.ModelDeployment;

/**
 * The decision tables as the engine holds them. Every call runs as the system: the rules API has
 * already decided who may see or publish what ({@link RulesService}), and reviewers hold no engine
 * permission on decision definitions.
 */
@Component
class RuleRepository {

    /** The deployment name of every table published from the rules page (publish and rollback). */
    static final String PUBLISHED_DEPLOYMENT = "huiqi-rules-published";
    static final String SOURCE = "huiqi-rules-page";

    record Version(String key, int version, String definitionId, String name, String deploymentId, String deploymentName,
                   String deploymentSource, Instant deployedAt, String resourceName) {
    }

    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final EngineAsSystem system;

    RuleRepository(RepositoryService repositoryService, HistoryService historyService, EngineAsSystem system) {
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.system = system;
    }

    List<Version> latestOfEveryKey() {
        return system.call(() -> repositoryService.createDecisionDefinitionQuery().latestVersion().list().stream()
                .sorted(Comparator.comparing(DecisionDefinition::getKey)).map(this::version).toList());
    }

    Version latest(String key) {
        return system.call(() -> Optional.ofNullable(repositoryService.createDecisionDefinitionQuery()
                        .decisionDefinitionKey(key).latestVersion().singleResult()).map(this::version))
                .orElseThrow(() -> new NotFoundException("key", "决策表 " + key + " 不存在", "Decision table " + key + " does not exist"));
    }

    Optional<Version> find(String key, int version) {
        if (version < 1) {
            return Optional.empty(); // versions count from 1; the engine would refuse the query
        }
        return system.call(() -> Optional.ofNullable(repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).decisionDefinitionVersion(version).singleResult()).map(this::version));
    }

    Version get(String key, int version) {
        return find(key, version).orElseThrow(() -> new NotFoundException("version", "决策表 " + key + " 没有第 " + version + " 版",
                "Decision table " + key + " has no version " + version));
    }

    List<Version> versions(String key) {
        return system.call(() -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion().desc().list().stream().map(this::version).toList());
    }

    String xml(Version version) {
        return system.call(() -> {
            try (InputStream in = repositoryService.getDecisionModel(version.definitionId())) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Who created a deployment through the engine's API (REST / Camunda Modeler), from the operation log. */
    Optional<String> deployedBy(String deploymentId) {
        return system.call(() -> historyService.createUserOperationLogQuery().deploymentId(deploymentId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst());
    }

    /** Deploys {@code xml} as a new version of {@code key}; answers that version. */
    Version deploy(String key, String xml) {
        return system.call(() -> {
            DeploymentWithDefinitions deployment = repositoryService.createDeployment()
                    .name(PUBLISHED_DEPLOYMENT)
                    .source(SOURCE)
                    .enableDuplicateFiltering(false)
                    .addString(key + ".dmn", xml)
                    .deployWithResult();
            DecisionDefinition definition = deployment.getDeployedDecisionDefinitions().stream()
                    .filter(d -> d.getKey().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("deployment " + deployment.getId() + " holds no decision " + key));
            return version(definition);
        });
    }

    static boolean isSeed(Version version) {
        return ModelDeployment.RULE_SEED_DEPLOYMENT.equals(version.deploymentName());
    }

    private Version version(DecisionDefinition definition) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        return new Version(definition.getKey(), definition.getVersion(), definition.getId(), definition.getName(),
                definition.getDeploymentId(), deployment == null ? null : deployment.getName(),
                deployment == null ? null : deployment.getSource(),
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
                definition.getResourceName());
    }
}
