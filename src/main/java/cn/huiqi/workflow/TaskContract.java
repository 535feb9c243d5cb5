package cn.huiqi.workflow;

import java.util.Set;

/**
 * What one step of a process allows: who acts on it and which fields they may write. A step is a user
 * task ({@code activityId} = its task definition key) or the start form of a process that people start
 * ({@code start}, {@code activityId} = the start event). Everything else a client sends is refused, and
 * the engine refuses to deploy a BPMN with a user task or start form that has no contract.
 * Declared next to the capability that owns the step (a {@link TaskContractDeclarations} bean).
 */
public record TaskContract(String processKey, String activityId, boolean start, TaskRole role, Set<String> writableFields) {

    public TaskContract {
        writableFields = Set.copyOf(writableFields);
    }

    public static TaskContract userTask(String processKey, String taskDefinitionKey, TaskRole role, String... writableFields) {
        return new TaskContract(processKey, taskDefinitionKey, false, role, Set.of(writableFields));
    }

    public static TaskContract startForm(String processKey, String startEventId, TaskRole role, String... writableFields) {
        return new TaskContract(processKey, startEventId, true, role, Set.of(writableFields));
    }
}
