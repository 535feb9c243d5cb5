package cn.huiqi.bench.baseline;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Huiqi's quick-start directory on the bare engine: the same groups (13 localities, 7 city units, the role
 * groups), the same logins (password "demo") and the same grants as Huiqi's AuthorizationSetup, for the one
 * process this app has. Copied, not shared: the baseline must not depend on Huiqi's code. Idempotent.
 */
@Component
class Directory implements SmartInitializingSingleton {

    static final String PASSWORD = "demo";
    static final String PROCESS = "m1-order-reward";

    private static final Map<String, String> LOCALITIES = new LinkedHashMap<>();
    private static final Map<String, String> CITY_UNITS = new LinkedHashMap<>();

    static {
        LOCALITIES.put("donghu", "东湖区");
        LOCALITIES.put("xihu", "西湖区");
        LOCALITIES.put("qingyunpu", "青云谱区");
        LOCALITIES.put("qingshanhu", "青山湖区");
        LOCALITIES.put("xinjian", "新建区");
        LOCALITIES.put("honggutan", "红谷滩区");
        LOCALITIES.put("nanchangxian", "南昌县");
        LOCALITIES.put("anyi", "安义县");
        LOCALITIES.put("jinxian", "进贤县");
        LOCALITIES.put("gaoxin", "南昌高新技术产业开发区管委会");
        LOCALITIES.put("jingkai", "南昌经济技术开发区管委会");
        LOCALITIES.put("xiaolan", "南昌小蓝经济技术开发区管委会");
        LOCALITIES.put("wanli", "湾里管理局");
        CITY_UNITS.put("gxj", "市工信局");
        CITY_UNITS.put("swj", "市商务局");
        CITY_UNITS.put("czj", "市财政局");
        CITY_UNITS.put("jrb", "市金融办");
        CITY_UNITS.put("zxqyj", "市中小企业局");
        CITY_UNITS.put("ctjt", "市产投集团");
        CITY_UNITS.put("szxbm", "市直相关部门");
    }

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    Directory(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> units = new ArrayList<>(LOCALITIES.keySet());
        units.addAll(CITY_UNITS.keySet());
        LOCALITIES.forEach((id, name) -> group(id, name, "UNIT"));
        CITY_UNITS.forEach((id, name) -> group(id, name, "UNIT"));
        group("policy-admin", "政策管理", "ROLE");
        group("enterprise", "企业用户", "ROLE");
        group("auditor", "审计监督", "ROLE");
        group("camunda-admin", "系统管理员", "SYSTEM");

        user("admin", "camunda-admin");
        user("policy-staff", "policy-admin");
        user("audit-staff", "auditor");
        CITY_UNITS.keySet().forEach(unit -> user(unit.equals("czj") ? "czj-finance" : unit + "-reviewer", unit));
        LOCALITIES.keySet().forEach(unit -> user(unit + "-verifier", unit));
        for (String enterprise : List.of("ent-hongdu", "ent-jixiang", "ent-ganjiang", "ent-xiaolan", "ent-anyi")) {
            user(enterprise, "enterprise");
        }

        for (Resources resource : Resources.values()) {
            grant("camunda-admin", resource, ANY, Permissions.ALL);
        }
        List<String> tasklistUsers = new ArrayList<>(units);
        tasklistUsers.add("policy-admin");
        tasklistUsers.add("enterprise");
        tasklistUsers.forEach(group -> grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        units.forEach(group -> grant(group, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ));
        grant("enterprise", Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant("enterprise", Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);

        grant("policy-admin", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("policy-admin", Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant("policy-admin", Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant("policy-admin", Resources.DEPLOYMENT, ANY, Permissions.READ);

        grant("auditor", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("auditor", Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant("auditor", Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant("auditor", Resources.TASK, ANY, TaskPermissions.READ);
        grant("auditor", Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant("auditor", Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant("auditor", Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant("auditor", Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant("auditor", Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void user(String id, String groupId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName(groupId);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
