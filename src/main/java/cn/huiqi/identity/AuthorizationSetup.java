package cn.huiqi.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The Camunda authorizations of the role and unit groups, created at every start-up in every profile
 * (only what is missing is added). Task access of units is deliberately absent: it comes from the
 * engine's automatic authorizations on candidate-group tasks, so a unit sees its own tasks only.
 */
@Component
class AuthorizationSetup implements SmartInitializingSingleton {

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final AuthorizationGrants grants;
    private final TasklistFilters tasklistFilters;
    private final UnitRepository units;
    private final IdentityService identityService;
    private final MeasureProcesses measureProcesses;
    private final TransactionTemplate transaction;

    public AuthorizationSetup(AuthorizationGrants grants, TasklistFilters tasklistFilters, UnitRepository units,
                              IdentityService identityService, MeasureProcesses measureProcesses,
                              TransactionTemplate transaction) {
        this.grants = grants;
        this.tasklistFilters = tasklistFilters;
        this.units = units;
        this.identityService = identityService;
        this.measureProcesses = measureProcesses;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        setUp();
    }

    /**
     * In one transaction (the engine's commands join it): one commit instead of one per grant, several hundred on a
     * fresh database.
     */
    public void setUp() {
        transaction.executeWithoutResult(status -> grantAll());
    }

    private void grantAll() {
        AuthorizationGrants.Batch grants = this.grants.batch();
        List<String> unitGroups = units.findAllByOrderBySortOrder().stream().map(Unit::getId).toList();

        for (Resources resource : Resources.values()) {
            grants.grantGroup(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }

        List<String> tasklistUsers = new ArrayList<>(unitGroups);
        tasklistUsers.add(Groups.POLICY_ADMIN);
        tasklistUsers.add(Groups.ENTERPRISE);
        for (String group : tasklistUsers) {
            grants.grantGroup(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        }

        for (String group : unitGroups) {
            for (String processKey : measureProcesses.workedOnByUnits()) {
                grants.grantGroup(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ);
            }
        }

        grantEnterprises(grants);
        grantPolicyAdmins(grants);
        grantAuditors(grants);

        // members read their own group: the built-in identity grants this itself when it creates a group,
        // but a read-only provider's (Keycloak's) groups never pass through the engine
        if (identityService.isReadOnly()) {
            List<String> allGroups = new ArrayList<>(tasklistUsers);
            allGroups.add(Groups.AUDITOR);
            allGroups.add(Groups.CAMUNDA_ADMIN);
            for (String group : allGroups) {
                grants.grantGroup(group, Resources.GROUP, group, Permissions.READ);
            }
        }
        tasklistFilters.ensure();
    }

    /** Start their own applications, and nothing else: no instances, no history, no other tasks. */
    private void grantEnterprises(AuthorizationGrants.Batch grants) {
        for (String processKey : measureProcesses.startedByEnterprises()) {
            grants.grantGroup(Groups.ENTERPRISE, Resources.PROCESS_DEFINITION, processKey,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grants.grantGroup(Groups.ENTERPRISE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }

    /**
     * Auditors (审计监督) read everything in Cockpit, running and finished, and change nothing: no
     * UPDATE, DELETE, CREATE or task work anywhere, and no Tasklist.
     */
    private static void grantAuditors(AuthorizationGrants.Batch grants) {
        String auditor = Groups.AUDITOR;
        grants.grantGroup(auditor, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.grantGroup(auditor, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grants.grantGroup(auditor, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grants.grantGroup(auditor, Resources.TASK, ANY, TaskPermissions.READ);
        grants.grantGroup(auditor, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grants.grantGroup(auditor, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grants.grantGroup(auditor, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grantGroup(auditor, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grants.grantGroup(auditor, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    /** Read everything about processes, decisions and deployments in Cockpit; change nothing. */
    private static void grantPolicyAdmins(AuthorizationGrants.Batch grants) {
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.DECISION_DEFINITION, ANY,
                Permissions.READ, Permissions.READ_HISTORY);
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
}
