package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseBindingFromToken;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.enterprise.EnterpriseUserRepository;

/** Keycloak stays the truth after login: group removals, the USCC binding, the demo-user guard. */
@KeycloakIntegrationTest
class KeycloakGroupChangeTest {

    private static final String PROCESS = "kc-group-test";
    /** huiqi.keycloak.cache-ttl of the test context, plus a margin */
    private static final Duration CACHE_EXPIRY = Duration.ofSeconds(3).plusMillis(1500);

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    KeycloakProperties properties;
    @Autowired
    EnterpriseBindingFromToken binding;
    @Autowired
    EnterpriseRegister enterpriseRegister;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    EnterpriseUserRepository enterpriseUsers;

    @Test
    void aUserRemovedFromItsGroupInKeycloakLosesTheAccessOnceTheCacheExpiresEvenWithTheSameToken() throws Exception {
        String task = xinjianTask();
        String token = KeycloakTestRealm.freshAccessToken("xinjian-verifier");
        BearerApi verifier = BearerApi.withToken(port, token);
        assertThat(groupsOf(verifier)).containsExactly("xinjian");
        assertThat(taskIds(verifier)).contains(task);

        KeycloakTestRealm.removeFromGroup("xinjian-verifier", "xinjian");
        try {
            Thread.sleep(CACHE_EXPIRY.toMillis());

            assertThat(groupsOf(verifier)).isEmpty();
            assertThat(taskIds(verifier)).doesNotContain(task);
            assertThat(verifier.post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"xinjian-verifier\"}").statusCode())
                    .isIn(403, 404);
            assertThat(verifier.post("/engine-rest/task/" + task + "/complete", "{}").statusCode()).isIn(403, 404);
        } finally {
            KeycloakTestRealm.addToGroup("xinjian-verifier", "xinjian");
        }
    }

    @Test
    void theEnterpriseBindingFollowsTheUsccClaim() {
        KeycloakTestRealm.registerDemoEnterprises(enterpriseRegister, enterprises);
        Enterprise hongdu = enterprises.findByUscc("91360102MA35HQ1D2F").orElseThrow();
        Enterprise jixiang = enterprises.findByUscc("91360111MA38GK7X58").orElseThrow();
        List<String> enterpriseGroup = List.of(Groups.ENTERPRISE);

        // any API request of an enterprise user binds it
        enterpriseUsers.findById("ent-hongdu").ifPresent(enterpriseUsers::delete);
        BearerApi.as(port, "ent-hongdu").getJson("/api/cases");
        assertThat(enterpriseUsers.findById("ent-hongdu").orElseThrow().getEnterpriseId()).isEqualTo(hongdu.getId());

        // a changed USCC moves the binding; lower case and full-width forms are the same code
        binding.refresh("kc-test-user", enterpriseGroup, "９１３６０１１１ma38gk7x58");
        assertThat(enterpriseUsers.findById("kc-test-user").orElseThrow().getEnterpriseId()).isEqualTo(jixiang.getId());
        binding.refresh("kc-test-user", enterpriseGroup, hongdu.getUscc());
        assertThat(enterpriseUsers.findById("kc-test-user").orElseThrow().getEnterpriseId()).isEqualTo(hongdu.getId());

        // a USCC that names no registered enterprise, or none at all, unbinds instead of keeping a stale binding
        binding.refresh("kc-test-user", enterpriseGroup, "91360100MA00000000");
        assertThat(enterpriseUsers.findById("kc-test-user")).isEmpty();
        binding.refresh("kc-test-user", enterpriseGroup, hongdu.getUscc());
        binding.refresh("kc-test-user", enterpriseGroup, null);
        assertThat(enterpriseUsers.findById("kc-test-user")).isEmpty();

        // officials are never bound to an enterprise, whatever attribute they carry
        binding.refresh("kc-test-official", List.of("donghu"), hongdu.getUscc());
        assertThat(enterpriseUsers.findById("kc-test-official")).isEmpty();

        // nor is an enterprise login that is also in a staff group: its binding goes
        binding.refresh("kc-test-user", enterpriseGroup, hongdu.getUscc());
        binding.refresh("kc-test-user", List.of(Groups.ENTERPRISE, "gxj"), hongdu.getUscc());
        assertThat(enterpriseUsers.findById("kc-test-user")).isEmpty();
    }

    @Test
    void theDemoUsersOfTheLocalRealmStopAStartUnlessAllowed() {
        KeycloakProperties strict = new KeycloakProperties(properties.issuer(), properties.backchannelUrl(), properties.clientId(),
                properties.clientSecret(), properties.identityClientId(), properties.identityClientSecret(), properties.audience(),
                properties.cacheTtl(), properties.clockSkew(), properties.sessionCheckInterval(), false);
        KeycloakDemoRealmGuard guard = new KeycloakDemoRealmGuard(identityService, strict);

        assertThat(guard.demoUsersInRealm()).contains("admin", "ent-hongdu", "audit-staff");
        assertThatThrownBy(guard::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start").hasMessageContaining("demo-mode").hasMessageContaining("demo users")
                .hasMessageContaining("client huiqi-dev with its published secret")
                .hasMessageContaining("client huiqi-identity with its published secret");
    }

    @Test
    void keycloakGroupsAreTheUnitIdsAndTheIdentityIsReadOnly() {
        assertThat(identityService.isReadOnly()).isTrue();
        assertThat(identityService.createGroupQuery().groupMember("gxj-reviewer").list())
                .extracting(org.camunda.bpm.engine.identity.Group::getId).containsExactly("gxj");
        assertThat(identityService.createGroupQuery().groupIdIn("gxj", "wanli", "policy-admin", "auditor", "camunda-admin", "enterprise")
                .count()).isEqualTo(6);
        assertThat(identityService.createUserQuery().userId("ent-jixiang").singleResult().getFirstName()).isEqualTo("𠮷利民");
    }

    private String xinjianTask() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().name(PROCESS)
                    .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                            .startEvent().userTask("verify").camundaCandidateGroups("xinjian").endEvent().done())
                    .deploy();
        }
        String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static List<String> groupsOf(BearerApi api) {
        List<String> groups = new java.util.ArrayList<>();
        api.getJson(CallerEchoController.PATH).get("groupIds").forEach(g -> groups.add(g.asText()));
        return groups;
    }

    private static List<String> taskIds(BearerApi api) {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode task : api.getJson("/engine-rest/task?processDefinitionKey=" + PROCESS)) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }
}
