package cn.huiqi.process;

import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;

/**
 * When a task list or count may check the caller's grants as subqueries (cn/huiqi/process/task-list.xml, docs/performance.md
 * "Task lists"): where no REVOKE applies to the caller, the statement answers what the engine's join form answers (the
 * form its default revoke mode "auto" runs then) - a task is listed when a grant of the caller, its groups or everyone
 * names the task, its process definition's key or '*' with the permission asked - written as {@code RES.ID_ in (select
 * ...)} predicates that MariaDB answers with one index probe per row, not as the join MariaDB answers with a
 * block-nested loop, nor as the correlated CASE chain of "always" (three subquery executions per row). Where a REVOKE
 * applies, the same statement falls back to the engine's own CASE chain. Only for the plain shape the engine builds
 * for task queries (atomic checks, no composite ones) with revokes checked, as Huiqi configures the engine; anything
 * else runs the engine's statement unchanged. Public because MyBatis' OGNL calls it from the mapping.
 */
public final class GrantsAsSubqueries {

    private GrantsAsSubqueries() {
    }

    public static boolean applyTo(TaskQueryImpl query) {
        AuthorizationCheck check = query.getAuthCheck();
        if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
                || !check.isRevokeAuthorizationCheckEnabled()) {
            return false;
        }
        CompositePermissionCheck permissions = check.getPermissionChecks();
        return permissions != null && permissions.getAtomicChecks() != null && !permissions.getAtomicChecks().isEmpty()
                && (permissions.getCompositeChecks() == null || permissions.getCompositeChecks().isEmpty());
    }

    /**
     * The same check switched off, so the engine's from/where fragment writes neither its join nor its CASE chain (the
     * mappings ask {@code getShouldPerformAuthorizatioCheck()}: enabled and with permission checks).
     */
    public static AuthorizationCheck withoutEnginesCheck(AuthorizationCheck check) {
        AuthorizationCheck off = new AuthorizationCheck(check.getAuthUserId(), copy(check.getAuthGroupIds()),
                check.getPermissionChecks(), check.isRevokeAuthorizationCheckEnabled());
        off.setAuthorizationCheckEnabled(false);
        off.setShouldPerformAuthorizatioCheck(false);
        off.setAuthDefaultPerm(check.getAuthDefaultPerm());
        off.setHistoricInstancePermissionsEnabled(check.isHistoricInstancePermissionsEnabled());
        off.setUseLeftJoin(check.isUseLeftJoin());
        return off;
    }

    private static List<String> copy(List<String> groups) {
        return groups == null ? null : List.copyOf(groups);
    }
}
