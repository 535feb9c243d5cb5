package cn.huiqi.testsupport;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** People in Camunda's built-in identity for tests, and work done as one of them. */
public final class TestUsers {

    private TestUsers() {
    }

    /** Runs the work as the user, with the groups the identity store knows for it, as a request would. */
    public static <T> T as(IdentityService identityService, String userId, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Completes the task as the user, as a completion through Tasklist or the REST API would. */
    public static void complete(IdentityService identityService, TaskService taskService, String userId, String taskId,
                                Map<String, Object> variables) {
        as(identityService, userId, () -> {
            taskService.complete(taskId, variables);
            return null;
        });
    }

    /** The group (created if missing) and the user in it (created if missing). */
    public static void person(IdentityService identityService, String userId, String groupId, String password) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            var group = identityService.newGroup(groupId);
            group.setName(groupId);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword(password);
            user.setFirstName(userId);
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        }
    }
}
