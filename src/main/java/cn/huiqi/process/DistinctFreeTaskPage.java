package cn.huiqi.process;

import java.util.List;

import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

/**
 * When a page of the engine's task query may leave out {@code distinct} (cn/huiqi/process/task-list.xml): when no join
 * of the engine's from-clause can return a task twice. ACT_RE_PROCDEF, ACT_RU_EXECUTION and the case tables are joined
 * on their primary keys (one row at most); what can repeat a task is
 * <ul>
 * <li>the authorization join, which the engine writes only when it does not check revokes
 * (authorizationCheckRevokes "never", or "auto" without a REVOKE) and {@link GrantsAsSubqueries} does not write
 * subqueries in its place: several grants match one task;</li>
 * <li>the identity links, left-joined for any candidate or involved-user criterion: a task has several links. For a
 * single candidate group and nothing else about links, the rows are the task's candidate links to that one group, which
 * V40's unique key ACT_UNIQ_IDENT_LNK_GROUP_TASK allows once per task;</li>
 * <li>an "or" query (several link criteria at once), and a sort by a variable (a join the engine builds per sort).</li>
 * </ul>
 * Public because MyBatis' OGNL calls it from the mapping.
 */
public final class DistinctFreeTaskPage {

    private DistinctFreeTaskPage() {
    }

    public static boolean holdsFor(TaskQueryImpl query) {
        AuthorizationCheck authCheck = query.getAuthCheck();
        boolean authorizationJoin = authCheck != null && authCheck.getShouldPerformAuthorizatioCheck()
                && authCheck.getAuthUserId() != null && !authCheck.isRevokeAuthorizationCheckEnabled()
                && !GrantsAsSubqueries.applyTo(query);
        if (authorizationJoin || sortsThroughAJoin(query.getOrderingProperties())) {
            return false;
        }
        List<TaskQueryImpl> queries = query.getQueries();
        if (queries == null || queries.size() != 1 || query.isOrQueryActive()) {
            return false;
        }
        TaskQueryImpl only = queries.get(0);
        boolean otherLinkCriteria = only.getCandidateUser() != null || only.getCandidateGroupLike() != null
                || only.getInvolvedUser() != null || Boolean.TRUE.equals(only.isWithCandidateGroups())
                || Boolean.TRUE.equals(only.isWithCandidateUsers());
        if (otherLinkCriteria) {
            return false;
        }
        List<String> groups = only.getCandidateGroups();
        return groups == null || groups.size() == 1;
    }

    /**
     * A page of one candidate group's queue in the engine's default order (task id): every row is joined to its one
     * link to that group, so ordering by the link's task id is the same order, and reading the queue's key
     * ACT_UNIQ_IDENT_LNK_GROUP_TASK (GROUP_ID_, TYPE_, TASK_ID_) yields it without reading the tasks of other queues.
     * Asked only of a query {@link #holdsFor} (the mapping tests {@code distinctFree} first).
     */
    public static boolean readsOneQueueInIdOrder(TaskQueryImpl query) {
        if (query.getOrderingProperties() != null && !query.getOrderingProperties().isEmpty()) {
            return false;
        }
        List<String> groups = query.getQueries().get(0).getCandidateGroups();
        return groups != null && groups.size() == 1;
    }

    private static boolean sortsThroughAJoin(List<QueryOrderingProperty> ordering) {
        return ordering != null && ordering.stream().anyMatch(property -> property.getRelation() != null);
    }
}
