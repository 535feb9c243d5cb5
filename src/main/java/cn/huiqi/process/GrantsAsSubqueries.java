package cn.huiqi.process;

import java.util.List;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * When a task list or count may check the caller's grants as subqueries (cn/huiqi/process/task-list.xml, docs/performance.md
 * "Task lists"): when the engine does not check revokes for the query - revoke mode "never", "auto" without a REVOKE,
 * or {@link RevokesAsked} finding that none applies to the caller - the engine would answer with its join
 * form: a task is listed when a grant of the caller, its groups or everyone names the task, its process definition's
 * key or '*' with the permission asked. The mapping writes the same as {@code RES.ID_ in (select ...)} predicates that
 * MariaDB answers by index (a semi-join for the count), not as the join MariaDB answers with a block-nested loop. Only
 * for the plain shape the engine builds for task queries (atomic checks, no composite ones); where revokes are
 * checked, or anything else, the engine's statement runs unchanged. Public because MyBatis' OGNL calls it from the
 * mapping.
 */
public final class GrantsAsSubqueries {

    private GrantsAsSubqueries() {
    }

    public static boolean applyTo(TaskQueryImpl query) {
        AuthorizationCheck check = query.getAuthCheck();
        if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
                || check.isRevokeAuthorizationCheckEnabled()) {
            return false;
        }
        CompositePermissionCheck permissions = check.getPermissionChecks();
        return permissions != null && permissions.getAtomicChecks() != null && !permissions.getAtomicChecks().isEmpty()
                && (permissions.getCompositeChecks() == null || permissions.getCompositeChecks().isEmpty());
    }

    /**
     * The permission a grant of one of the caller's groups on a task itself must carry, where the count may take those
     * grants apart (cn/huiqi/process/task-list.xml, "groupTaskGrants"): a query {@link #applyTo} takes, whose checks are
     * alternatives (the engine's task query: READ on the task or READ_TASK on its definition) with exactly one on the
     * task, by a caller in at least one group. Those grants are a unit's per-task grants, one per open task of its
     * queue; the rest of the caller's grants are few. Null otherwise.
     */
    public static Integer groupTaskGrantPerms(TaskQueryImpl query) {
        if (!applyTo(query)) {
            return null;
        }
        AuthorizationCheck check = query.getAuthCheck();
        CompositePermissionCheck permissions = check.getPermissionChecks();
        List<PermissionCheck> onTasks = permissions.getAtomicChecks().stream()
                .filter(atomic -> atomic.getResourceType() == Resources.TASK.resourceType())
                .toList();
        if (!permissions.isDisjunctive() || onTasks.size() != 1 || !"RES.ID_".equals(onTasks.get(0).getResourceIdQueryParam())
                || check.getAuthGroupIds() == null || check.getAuthGroupIds().isEmpty()) {
            return null;
        }
        return onTasks.get(0).getPerms();
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
