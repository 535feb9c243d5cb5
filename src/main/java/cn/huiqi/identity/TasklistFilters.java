package cn.huiqi.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The two shared Tasklist filters, owned by no one and readable by everyone. They replace the starter's
 * "All tasks" filter (camunda.bpm.filter.create=false), which would list every task a user may read.
 */
@Component
class TasklistFilters {

    public static final String MY_TASKS = "我的任务 / My tasks";
    public static final String MY_UNITS_TASKS = "本单位待办 / My unit's tasks";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationGrants grants;

    public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    public void ensure() {
        ensure(MY_TASKS, 10, "分配给我本人的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        // candidate tasks of my groups (= my unit) that nobody has claimed yet
        ensure(MY_UNITS_TASKS, 20, "本单位可领取、尚未被认领的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
                .orElseGet(() -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("priority", priority);
                    properties.put("description", description);
                    properties.put("refresh", true);
                    Filter created = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
                    return filterService.saveFilter(created);
                });
        grants.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
