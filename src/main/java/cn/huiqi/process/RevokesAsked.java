package cn.huiqi.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, which under the configured revoke mode "always" asks whether a REVOKE applies to
 * the caller - the engine's own {@code selectRevokeAuthorization} (a REVOKE of the user, of '*' or of one of its
 * groups), the question its mode "auto" asks - instead of checking for revokes in every statement:
 * <ul>
 * <li>a task query on MySQL/MariaDB (where the plugin maps the task statements): where no REVOKE applies, the query is
 * marked "revokes not checked", and cn/huiqi/process/task-list.xml answers it with grants alone
 * ({@link GrantsAsSubqueries}), which is then what the engine's CASE chain answers; where one does, the engine's own
 * statement runs with its CASE chain;</li>
 * <li>a check of one resource ({@code isAuthorized}: completing, reading, starting), on every database: where no REVOKE
 * applies, the engine's statement without its REVOKE branches (the half of the CASE chain that cannot match), asked at
 * most once per caller and command; where one does, the whole chain.</li>
 * </ul>
 * The answers are the engine's in either mode. Every other query keeps "always". Installed by
 * {@link TaskListStatementsPlugin} as the session factory of {@link AuthorizationManager}.
 */
class RevokesAsked extends AuthorizationManager {

    static final SessionFactory FACTORY = new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new RevokesAsked();
        }
    };

    /** A caller as the engine's REVOKE question names it. */
    private record Caller(String userId, List<String> groupIds) {
    }

    /** Whether a REVOKE applies, by caller, for this command. */
    private final Map<Caller, Boolean> revokesApply = new HashMap<>();
    private boolean checkingOneResource;

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        AuthorizationCheck check = query.getAuthCheck();
        if (!"mysql".equals(Context.getProcessEngineConfiguration().getDatabaseType()) || !check.getShouldPerformAuthorizatioCheck()
                || check.getAuthUserId() == null || !check.isRevokeAuthorizationCheckEnabled()) {
            return;
        }
        if (!revokesApplyTo(check.getAuthUserId(), check.getAuthGroupIds())) {
            check.setRevokeAuthorizationCheckEnabled(false);
            if (!GrantsAsSubqueries.applyTo(query)) {
                // a shape the subqueries do not write: keep the CASE chain, the engine's join form is K² on MariaDB
                check.setRevokeAuthorizationCheckEnabled(true);
            }
        }
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
        return checkingOneResource(() -> super.isAuthorized(userId, groupIds, permissionCheck));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck compositePermissionCheck) {
        return checkingOneResource(() -> super.isAuthorized(userId, groupIds, compositePermissionCheck));
    }

    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
        if (checkingOneResource && ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS.equalsIgnoreCase(
                Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes())) {
            return revokesApplyTo(userId, filterAuthenticatedGroupIds(groupIds));
        }
        return super.isRevokeAuthCheckEnabled(userId, groupIds);
    }

    private boolean checkingOneResource(BooleanSupplier check) {
        boolean outer = checkingOneResource;
        checkingOneResource = true;
        try {
            return check.getAsBoolean();
        } finally {
            checkingOneResource = outer;
        }
    }

    private boolean revokesApplyTo(String userId, List<String> groupIds) {
        Caller caller = new Caller(userId, groupIds == null ? null : List.copyOf(groupIds));
        return revokesApply.computeIfAbsent(caller, key -> {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("userId", userId);
            parameters.put("authGroupIds", groupIds);
            return getDbEntityManager().selectBoolean("selectRevokeAuthorization", parameters);
        });
    }
}
