package cn.huiqi.process;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A member's task query as the engine prepares it (AuthorizationManager.configureTaskQuery) with no REVOKE applying to
 * the member: revokes not checked ("auto", or RevokesAsked under "always").
 */
final class MemberTaskQueries {

    private MemberTaskQueries() {
    }

    static TaskQueryImpl member(TaskQuery asked) {
        TaskQueryImpl query = (TaskQueryImpl) asked;
        AuthorizationCheck check = query.getAuthCheck();
        check.setAuthorizationCheckEnabled(true);
        check.setShouldPerformAuthorizatioCheck(true);
        check.setAuthUserId("queue-donghu");
        check.setAuthGroupIds(List.of("donghu"));
        check.setRevokeAuthorizationCheckEnabled(false);
        CompositePermissionCheck checks = new CompositePermissionCheck(true);
        checks.addAtomicCheck(atomic(Resources.TASK, "RES.ID_", Permissions.READ));
        checks.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, "PROCDEF.KEY_", Permissions.READ_TASK));
        check.setPermissionChecks(checks);
        return query;
    }

    static PermissionCheck atomic(Resources resource, String idColumn, Permissions permission) {
        PermissionCheck check = new PermissionCheck();
        check.setResource(resource);
        check.setResourceIdQueryParam(idColumn);
        check.setPermission(permission);
        return check;
    }
}
