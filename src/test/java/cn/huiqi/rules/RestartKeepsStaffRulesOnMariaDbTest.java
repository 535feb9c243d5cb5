package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.process.ModelDeployment;
import cn.huiqi.testsupport.AppStarts;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * Two starts of the application on one MariaDB database (profile mysql), with a changed bundled table in
 * between: the version policy staff published from the rules page, and the one deployed through the
 * engine's API as Camunda Modeler does, stay in force; the new jar's table is not deployed at all.
 * Each start is a context without web server, webapps or REST (see DemoAccountGuardTest for why).
 */
class RestartKeepsStaffRulesOnMariaDbTest {

    private static final String DATABASE = "huiqi_rules_restart";

    @Test
    void theStaffVersionStillDecidesAfterARestartWithAChangedBundledTable() {
        MariaDbTestDatabase.recreateOnce(DATABASE);

        // first start: the bundled tables are seeded (v1); staff publish order-reward v2; someone deploys
        // responsible-units v2 with Camunda Modeler
        String[] staffPublished = new String[1];
        run(List.of(), context -> {
            RepositoryService repository = context.getBean(RepositoryService.class);
            assertThat(latest(repository, "order-reward").getVersion()).isEqualTo(1);
            IdentityService identity = context.getBean(IdentityService.class);
            RulesService rules = context.getBean(RulesService.class);
            identity.setAuthentication("rules-it-staff", List.of("policy-admin"));
            try {
                String xml = rules.detail("order-reward").xml();
                String draft = Drafts.withCell(xml, "rule-tier-50m-reward", "60000");
                RuleApi.WhatIfReport whatIf = rules.whatIf("order-reward", new RuleApi.WhatIfRequest(draft, null));
                RuleApi.PublicationView published = rules.publish("order-reward",
                        new RuleApi.PublishRequest(draft, "5000万档奖励调整为6万元", whatIf.token(), "THIS_ROUND"));
                assertThat(published.version()).isEqualTo(2);
            } finally {
                identity.clearAuthentication();
            }
            staffPublished[0] = latest(repository, "order-reward").getId();
            String units = Drafts.withCell(rules_xml(repository, "responsible-units"), "rule-m9-lead", "\"czj\"");
            repository.createDeployment().name("responsible-units").source("Camunda Modeler")
                    .addString("responsible-units.dmn", units).deploy();
        });

        // second start: a jar whose bundled order-reward (50m tier 70000) and responsible-units differ
        run(List.of("--huiqi.rules.seed-location=classpath*:rules-restart/*.dmn"), context -> {
            RepositoryService repository = context.getBean(RepositoryService.class);
            DecisionDefinition orderReward = latest(repository, "order-reward");
            assertThat(orderReward.getId()).isEqualTo(staffPublished[0]);
            assertThat(orderReward.getVersion()).isEqualTo(2);
            assertThat(deployment(repository, orderReward).getName()).isEqualTo(RuleRepository.PUBLISHED_DEPLOYMENT);
            DecisionDefinition units = latest(repository, "responsible-units");
            assertThat(units.getVersion()).isEqualTo(2);
            assertThat(deployment(repository, units).getSource()).isEqualTo("Camunda Modeler");
            assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.RULE_SEED_DEPLOYMENT).count())
                    .as("only the first start seeded: one deployment per bundled file").isEqualTo(bundledTables());

            Map<String, Object> order = Map.of("earliestSigningDate", "2023-08-18", "latestSigningDate", "2023-08-18",
                    "largestOrderAmount", new BigDecimal("60000000.00"), "totalOrderAmount", new BigDecimal("60000000.00"));
            assertThat(context.getBean(DecisionService.class).evaluateDecisionByKey("order-reward").variables(order).evaluate()
                    .getSingleResult().getEntry("rewardAmount").toString()).isEqualTo("60000");

            // and a case started now is decided by the staff version
            CaseRecord decided = applyForMeasureOne(context, "60000000.00");
            assertThat(context.getBean(RewardClaims.class).of(decided).getDecisionVersion()).isEqualTo(2);
            assertThat(context.getBean(RewardClaims.class).of(decided).getDecisionDefinitionId()).isEqualTo(staffPublished[0]);
            assertThat(context.getBean(RewardClaims.class).of(decided).getRewardAmount()).isEqualByComparingTo("60000.00");
            assertThat(decided.getReviewUnits()).containsExactly("gxj", "swj");
        });
    }

    private static CaseRecord applyForMeasureOne(ConfigurableApplicationContext context, String amount) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        IdentityService identity = context.getBean(IdentityService.class);
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at)"
                + " VALUES ('91360102MA35HQ1D2F', '南昌洪都精密机械有限公司', 'donghu', '张经理', '0791-80000000', CURRENT_TIMESTAMP)");
        Long enterpriseId = jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = '91360102MA35HQ1D2F'", Long.class);
        jdbc.update("INSERT INTO enterprise_user (user_id, enterprise_id) VALUES ('rules-it-ent', ?)", enterpriseId);
        if (identity.createGroupQuery().groupId("enterprise").count() == 0) {
            var group = identity.newGroup("enterprise");
            group.setName("enterprise");
            identity.saveGroup(group);
        }
        var user = identity.newUser("rules-it-ent");
        user.setPassword("It-Secret-2023");
        identity.saveUser(user);
        identity.createMembership("rules-it-ent", "enterprise");

        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "江西测试贸易有限公司");
        order.put("contractNumber", "HT-RESTART-1");
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", amount);
        order.put("executionEvidence", "出库单 CK-2023-0818");
        Map<String, Object> form = new HashMap<>(Map.of("orders", List.of(order)));
        identity.setAuthentication("rules-it-ent", List.of("enterprise"));
        String processInstanceId;
        try {
            processInstanceId = context.getBean(RuntimeService.class).startProcessInstanceByKey("m1-order-reward", form).getId();
        } finally {
            identity.clearAuthentication();
        }
        return context.getBean(CaseRecordRepository.class).findByProcessInstanceId(processInstanceId).orElseThrow();
    }

    private static String rules_xml(RepositoryService repository, String key) {
        try (var in = repository.getDecisionModel(latest(repository, key).getId())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DecisionDefinition latest(RepositoryService repository, String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    private static Deployment deployment(RepositoryService repository, DecisionDefinition definition) {
        return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    }

    private static void run(List<String> extraArgs, Consumer<ConfigurableApplicationContext> work) {
        AppStarts.run(DATABASE, extraArgs, work);
    }

    /** The DMN files the first start seeded (process.ModelDeployment's default seed location). */
    private static long bundledTables() {
        try {
            return new PathMatchingResourcePatternResolver()
                    .getResources(ModelDeployment.DEFAULT_SEED_LOCATION).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
