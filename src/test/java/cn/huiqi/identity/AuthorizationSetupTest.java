package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityIntegrationTest
class AuthorizationSetupTest {

    /** The processes of the catalogue's measures that enterprises apply through (measures 1-3). */
    static final List<String> STARTED_BY_ENTERPRISES = List.of("m1-order-reward", "m2-growth-reward", "m3-investment-reward");
    static final List<String> WORKED_ON_BY_UNITS = List.of("review-chain", "evaluation-round", "evaluation-award", "m1-order-reward", "m2-growth-reward",
            "m3-investment-reward", "m5-pilot-zone-evaluation", "m6-contribution-evaluation", "m7-assistance-demand", "m8-financing-demand");

    @Autowired
    MeasureProcesses measureProcesses;

    @Autowired
    AuthorizationSetup authorizationSetup;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;

    @Test
    void theMeasureProcessesComeFromTheCatalogue() {
        assertThat(measureProcesses.startedByEnterprises()).containsExactlyElementsOf(STARTED_BY_ENTERPRISES);
        assertThat(measureProcesses.workedOnByUnits()).containsExactlyElementsOf(WORKED_ON_BY_UNITS);
    }

    @Test
    void runningAgainCreatesNoDuplicates() {
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long filters = filterService.createFilterQuery().count();

        authorizationSetup.setUp();
        authorizationSetup.setUp();

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters).isEqualTo(2);
    }

    @Test
    void aMissingPermissionIsAddedBackToTheExistingGrant() {
        Authorization grant = grantOf(Groups.ENTERPRISE, Resources.PROCESS_DEFINITION, "m1-order-reward");
        grant.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(grant);

        authorizationSetup.setUp();

        Authorization repaired = grantOf(Groups.ENTERPRISE, Resources.PROCESS_DEFINITION, "m1-order-reward");
        assertThat(repaired.getId()).isEqualTo(grant.getId());
        assertThat(repaired.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
    }

    @Test
    void theAdminGroupMayDoEverythingEverywhere() {
        for (Resources resource : Resources.values()) {
            assertThat(grantOf(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY).isPermissionGranted(Permissions.ALL))
                    .as(resource.name()).isTrue();
        }
    }

    @Test
    void enterprisesMayStartTheirProcessesAndNothingElse() {
        List<Authorization> grants = authorizationService.createAuthorizationQuery().groupIdIn(Groups.ENTERPRISE).list();

        assertThat(grants).extracting(AuthorizationSetupTest::describe)
                .containsExactlyInAnyOrderElementsOf(with(STARTED_BY_ENTERPRISES,
                        "APPLICATION tasklist", "PROCESS_INSTANCE *",
                        // the engine's own default when the group was created: members may read their group
                        "GROUP enterprise"));
        assertThat(grantOf(Groups.ENTERPRISE, Resources.PROCESS_INSTANCE, "*").getPermissions(ProcessInstancePermissions.values())).filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactly(ProcessInstancePermissions.CREATE);
        assertThat(grantOf(Groups.ENTERPRISE, Resources.PROCESS_DEFINITION, "m1-order-reward")
                .getPermissions(ProcessDefinitionPermissions.values())).filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }

    @Test
    void aUnitReadsTheMeasureProcessesAndHasNoInstanceOrTaskGrants() {
        // per-task grants are the engine's own, made when a task names donghu as candidate group
        List<Authorization> grants = authorizationService.createAuthorizationQuery().groupIdIn("donghu").list().stream()
                .filter(a -> a.getResourceType() != Resources.TASK.resourceType() || Authorization.ANY.equals(a.getResourceId()))
                .toList();

        assertThat(grants).extracting(AuthorizationSetupTest::describe)
                .containsExactlyInAnyOrderElementsOf(with(WORKED_ON_BY_UNITS, "APPLICATION tasklist", "GROUP donghu"));
        assertThat(grantOf("donghu", Resources.PROCESS_DEFINITION, "m1-order-reward")
                .getPermissions(ProcessDefinitionPermissions.values())).filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactly(ProcessDefinitionPermissions.READ);
    }

    @Test
    void policyAdminsUseCockpitReadOnly() {
        assertThat(grantOf(Groups.POLICY_ADMIN, Resources.APPLICATION, "cockpit").isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(grantOf(Groups.POLICY_ADMIN, Resources.PROCESS_DEFINITION, "*").getPermissions(ProcessDefinitionPermissions.values())).filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY);
        assertThat(grantOf(Groups.POLICY_ADMIN, Resources.DECISION_DEFINITION, "*").getPermissions(Permissions.values())).filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactlyInAnyOrder(Permissions.READ, Permissions.READ_HISTORY);
        assertThat(grantOf(Groups.POLICY_ADMIN, Resources.DEPLOYMENT, "*").getPermissions(Permissions.values())).filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactly(Permissions.READ);
    }

    @Test
    void auditorsReadEverythingInCockpitAndChangeNothing() {
        assertThat(grantOf(Groups.AUDITOR, Resources.APPLICATION, "cockpit").isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.AUDITOR)
                .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).as("no Tasklist").isZero();
        assertThat(grantOf(Groups.AUDITOR, Resources.PROCESS_DEFINITION, "*").getPermissions(ProcessDefinitionPermissions.values()))
                .filteredOn(AuthorizationSetupTest::isNotNone)
                .containsExactlyInAnyOrder(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        assertThat(grantOf(Groups.AUDITOR, Resources.PROCESS_INSTANCE, "*").getPermissions(ProcessInstancePermissions.values()))
                .filteredOn(AuthorizationSetupTest::isNotNone).containsExactly(ProcessInstancePermissions.READ);
        assertThat(grantOf(Groups.AUDITOR, Resources.TASK, "*").getPermissions(org.camunda.bpm.engine.authorization.TaskPermissions.values()))
                .filteredOn(AuthorizationSetupTest::isNotNone).containsExactly(org.camunda.bpm.engine.authorization.TaskPermissions.READ);
        assertThat(grantOf(Groups.AUDITOR, Resources.DECISION_DEFINITION, "*").getPermissions(Permissions.values()))
                .filteredOn(AuthorizationSetupTest::isNotNone).containsExactlyInAnyOrder(Permissions.READ, Permissions.READ_HISTORY);
        // no grant of the auditors carries a permission that changes anything
        for (Authorization grant : authorizationService.createAuthorizationQuery().groupIdIn(Groups.AUDITOR).list()) {
            for (Permission permission : Permissions.values()) {
                if (permission.getName().startsWith("READ") || permission == Permissions.ACCESS || !isNotNone(permission)) {
                    continue;
                }
                assertThat(grant.isPermissionGranted(permission)).as(describe(grant) + " " + permission).isFalse();
            }
        }
    }

    @Test
    void everyGroupReadsItself() {
        // made by the built-in identity when it creates a group, and by AuthorizationSetup for Keycloak's groups
        for (String group : List.of("donghu", "gxj", Groups.ENTERPRISE, Groups.POLICY_ADMIN, Groups.AUDITOR, Groups.CAMUNDA_ADMIN)) {
            assertThat(grantOf(group, Resources.GROUP, group).isPermissionGranted(Permissions.READ)).as(group).isTrue();
        }
    }

    @Test
    void theSharedFiltersAreReadableByEveryoneAndOwnedByNoOne() {
        for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_UNITS_TASKS)) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            assertThat(filter.getOwner()).isNull();
            assertThat(filter.getProperties()).containsKeys("priority", "description");
            Authorization global = authorizationService.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).singleResult();
            assertThat(global.getUserId()).isEqualTo(Authorization.ANY);
            assertThat(global.isPermissionGranted(Permissions.READ)).isTrue();
        }
    }

    @Test
    void theUnitsQueueOpensFirstSortedByDueDateWithTheCaseInTheListAndAnOlderDefinitionIsBroughtUpToDate() {
        Filter unitQueue = filterService.createFilterQuery().filterName(TasklistFilters.MY_UNITS_TASKS).singleResult();
        // a database of an earlier version: the personal filter first, nothing shown in the list items
        Map<String, Object> old = new java.util.LinkedHashMap<>(Map.of("priority", 20, "description", "本单位可领取、尚未被认领的任务", "refresh", true));
        unitQueue.setProperties(old);
        filterService.saveFilter(unitQueue);

        authorizationSetup.setUp();

        Filter unitsNow = filterService.createFilterQuery().filterName(TasklistFilters.MY_UNITS_TASKS).singleResult();
        Filter mineNow = filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult();
        assertThat(unitsNow.getId()).as("updated in place").isEqualTo(unitQueue.getId());
        assertThat(((Number) unitsNow.getProperties().get("priority")).intValue())
                .as("Tasklist opens the filter of the lowest priority").isLessThan(((Number) mineNow.getProperties().get("priority")).intValue());
        for (Filter filter : List.of(unitsNow, mineNow)) {
            assertThat(filter.getProperties().get("variables").toString()).contains("caseNumber").contains("enterpriseName");
            assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getOrderingProperties())
                    .extracting(o -> o.getQueryProperty().getName()).first().isEqualTo("DUE_DATE_");
        }
    }

    private Authorization grantOf(String groupId, Resources resource, String resourceId) {
        Authorization grant = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        assertThat(grant).as(groupId + " " + resource + " " + resourceId).isNotNull();
        return grant;
    }

    /** "PROCESS_DEFINITION key" for each process key, plus the other grants. */
    private static List<String> with(List<String> processKeys, String... others) {
        List<String> expected = new java.util.ArrayList<>(List.of(others));
        processKeys.forEach(key -> expected.add("PROCESS_DEFINITION " + key));
        return expected;
    }

    /** getPermissions also lists NONE (value 0), which every grant trivially "has". */
    private static boolean isNotNone(Permission permission) {
        return permission.getValue() != Permissions.NONE.getValue();
    }

    private static String describe(Authorization authorization) {
        for (Resources resource : Resources.values()) {
            if (resource.resourceType() == authorization.getResourceType()) {
                return resource.name() + " " + authorization.getResourceId();
            }
        }
        throw new AssertionError("unknown resource type " + authorization.getResourceType());
    }
}
