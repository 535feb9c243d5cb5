package cn.huiqi.workflow;

import java.util.Set;

/**
 * What one step of a process allows: who acts on it and which fields they may write. A step is a user
 * task ({@code activityId} = its task definition key) or the start form of a process that people start
 * ({@code start}, {@code activityId} = the start event). Everything else a client sends is refused, and
 * the engine refuses to deploy a BPMN with a user task or start form that has no contract.
 * Declared next to the capability that owns the step (a {@link TaskContractDeclarations} bean).
 * <p>
 * {@code handedOnFields} (a subset of the writable ones) are read by the step's own listeners and gateway
 * while the completion runs and recorded by them on the case; the process keeps none of them
 * ({@link HandedOnFields} makes them transient, whoever completes the task).
 */
public record TaskContract(String processKey, String activityId, boolean start, TaskRole role, Set<String> writableFields,
                           Set<String> handedOnFields) {

    public TaskContract {
        writableFields = Set.copyOf(writableFields);
        handedOnFields = Set.copyOf(handedOnFields);
        if (!writableFields.containsAll(handedOnFields)) {
            throw new IllegalArgumentException(processKey + "/" + activityId + " hands on fields it does not accept: " + handedOnFields);
        }
    }

    public static TaskContract userTask(String processKey, String taskDefinitionKey, TaskRole role, String... writableFields) {
        return new TaskContract(processKey, taskDefinitionKey, false, role, Set.of(writableFields), Set.of());
    }

    public static TaskContract startForm(String processKey, String startEventId, TaskRole role, String... writableFields) {
        return new TaskContract(processKey, startEventId, true, role, Set.of(writableFields), Set.of());
    }

    /** This contract, with the given writable fields handed on to the step's listeners instead of kept as variables. */
    public TaskContract handingOn(String... fields) {
        return new TaskContract(processKey, activityId, start, role, writableFields, Set.of(fields));
    }
}
