package cn.huiqi.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, with one question asked per task query on MySQL/MariaDB (where the plugin maps
 * the task statements): does a REVOKE apply to the caller - the engine's own {@code selectRevokeAuthorization} (a
 * REVOKE of the user, of '*' or of one of its groups), the question its revoke mode "auto" asks. Where none does, the
 * query is marked "revokes not checked", and cn/huiqi/process/task-list.xml answers it with grants alone
 * ({@link GrantsAsSubqueries}), which is then what the engine's CASE chain answers; where one does, the engine's own
 * statement runs with its CASE chain. Every other query keeps the configured "always". Installed by
 * {@link TaskListStatementsPlugin} as the session factory of {@link AuthorizationManager}.
 */
class RevokesAskedPerTaskQuery extends AuthorizationManager {

    static final SessionFactory FACTORY = new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new RevokesAskedPerTaskQuery();
        }
    };

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        AuthorizationCheck check = query.getAuthCheck();
        if (!"mysql".equals(Context.getProcessEngineConfiguration().getDatabaseType()) || !check.getShouldPerformAuthorizatioCheck()
                || check.getAuthUserId() == null || !check.isRevokeAuthorizationCheckEnabled()) {
            return;
        }
        Map<String, Object> caller = new HashMap<>();
        caller.put("userId", check.getAuthUserId());
        caller.put("authGroupIds", check.getAuthGroupIds());
        if (!getDbEntityManager().selectBoolean("selectRevokeAuthorization", caller)) {
            check.setRevokeAuthorizationCheckEnabled(false);
            if (!GrantsAsSubqueries.applyTo(query)) {
                // a shape the subqueries do not write: keep the CASE chain, the engine's join form is K² on MariaDB
                check.setRevokeAuthorizationCheckEnabled(true);
            }
        }
    }
}
