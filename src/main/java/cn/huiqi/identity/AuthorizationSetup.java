package cn.huiqi.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The Camunda authorizations of the role and unit groups, created at every start-up in every profile
 * (only what is missing is added). Task access of units is deliberately absent: it comes from the
 * engine's automatic authorizations on candidate-group tasks, so a unit sees its own tasks only.
 */
@Component
public class AuthorizationSetup implements SmartInitializingSingleton {

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final AuthorizationGrants grants;
    private final TasklistFilters tasklistFilters;
    private final UnitRepository units;

    public AuthorizationSetup(AuthorizationGrants grants, TasklistFilters tasklistFilters, UnitRepository units) {
        this.grants = grants;
        this.tasklistFilters = tasklistFilters;
        this.units = units;
    }

    @Override
    public void afterSingletonsInstantiated() {
        setUp();
    }

    public void setUp() {
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
            for (String processKey : MeasureProcesses.WORKED_ON_BY_UNITS) {
                grants.grantGroup(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ);
            }
        }

        grantEnterprises();
        grantPolicyAdmins();
        tasklistFilters.ensure();
    }

    /** Start their own applications, and nothing else: no instances, no history, no other tasks. */
    private void grantEnterprises() {
        for (String processKey : MeasureProcesses.STARTED_BY_ENTERPRISES) {
            grants.grantGroup(Groups.ENTERPRISE, Resources.PROCESS_DEFINITION, processKey,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grants.grantGroup(Groups.ENTERPRISE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }

    /** Read everything about processes, decisions and deployments in Cockpit; change nothing. */
    private void grantPolicyAdmins() {
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.DECISION_DEFINITION, ANY,
                Permissions.READ, Permissions.READ_HISTORY);
        grants.grantGroup(Groups.POLICY_ADMIN, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
}
