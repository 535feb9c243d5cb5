package cn.huiqi.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The two shared Tasklist filters, owned by no one and readable by everyone. They replace the starter's
 * "All tasks" filter (camunda.bpm.filter.create=false), which would list every task a user may read. The unit's
 * queue comes first and opens by default; both sort by due date (the time limits set it) and show each task's case
 * number and applicant in the list; Tasklist's search finds a task by name ("任务名称 like", the name carries case
 * number, applicant and amount: {@code casefile.TaskNames}) or by the process's business key (the case number).
 */
@Component
class TasklistFilters {

    public static final String MY_TASKS = "我的任务 / My tasks";
    public static final String MY_UNITS_TASKS = "本单位待办 / My unit's tasks";
    /** The version of the filters' definition, kept in their properties; raise it when the definition changes. */
    private static final String VERSION = "huiqiVersion";
    private static final Integer CURRENT = 2;

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationGrants grants;

    public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    public void ensure() {
        // the unit's queue first (Tasklist opens the filter of the lowest priority): staff land on their work
        ensure(MY_UNITS_TASKS, 10, "本单位可领取、尚未被认领的任务，按到期日排序",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
        ensure(MY_TASKS, 20, "分配给我本人的任务，按到期日排序",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    /**
     * Created once, then brought up to date on every start (priority, description, list variables, query), so
     * databases made by an earlier version get the unit's queue first and the case in the list items too.
     */
    private void ensure(String name, int priority, String description, TaskQuery query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        // shown in every list item: the case number and the applicant (task-local variables of casefile.TaskNames)
        properties.put("variables", List.of(Map.of("name", "caseNumber", "label", "案件编号"),
                Map.of("name", "enterpriseName", "label", "申请人")));
        properties.put("showUndefinedVariable", false);
        properties.put(VERSION, CURRENT);
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        // saved only when new or older: nodes of a cluster start together
        if (filter.getId() == null || !String.valueOf(CURRENT).equals(
                String.valueOf(filter.getProperties() == null ? null : filter.getProperties().get(VERSION)))) {
            filter.setQuery(query);
            filter.setProperties(properties);
            try {
                filter = filterService.saveFilter(filter);
            } catch (OptimisticLockingException otherNodeSavedItFirst) {
                filter = filterService.createFilterQuery().filterName(name).list().get(0);
            }
        }
        grants.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
