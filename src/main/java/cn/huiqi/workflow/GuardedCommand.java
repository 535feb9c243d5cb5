package cn.huiqi.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What an engine command would do to a step, read from the command object before it runs. Camunda's
 * command classes keep their arguments in protected fields without getters; they are read by name
 * ({@code GuardedCommandTest} builds every command the guard knows and checks each field read, so an
 * engine upgrade that renames one fails the build instead of opening a hole).
 */
record GuardedCommand(Action action, String taskId, String processDefinitionId, String processDefinitionKey,
                      Collection<String> fields, String targetUserId, String targetGroupId, TaskEntity savedTask,
                      String commandName) {

    enum Action {
        /** complete, submit-form, resolve */
        COMPLETE,
        /** BPMN error or escalation thrown from a user task */
        TASK_ERROR,
        /** set, patch or remove variables of a task (local or not) */
        TASK_VARIABLES,
        /** claim or assign ({@code targetUserId} null: unclaim) */
        ASSIGN,
        SET_OWNER,
        DELEGATE,
        /** add a candidate / participant (user or group) link */
        ADD_LINK,
        /** delete a candidate / participant link */
        DELETE_LINK,
        /** PUT /task/{id}: the saved entity */
        SAVE_TASK,
        /** start a process instance at its start event, with variables */
        START,
        /** process instance variables, modification, start at activities, messages, signals, restart */
        OPERATOR_ONLY
    }

    /** The guarded meaning of a command, or null for a command the guard does not look at (reads, ...). */
    static GuardedCommand of(Command<?> command) {
        String name = command.getClass().getSimpleName();
        if (command instanceof ResolveTaskCmd || command instanceof CompleteTaskCmd) {
            return task(Action.COMPLETE, command, (String) field(command, "taskId"), names((Map<?, ?>) field(command, "variables")), null, null);
        }
        if (command instanceof SubmitTaskFormCmd) {
            return task(Action.COMPLETE, command, (String) field(command, "taskId"), names((Map<?, ?>) field(command, "properties")), null, null);
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            return task(Action.TASK_ERROR, command, (String) field(command, "taskId"), names((Map<?, ?>) field(command, "variables")), null, null);
        }
        if (command instanceof SetTaskVariablesCmd) {
            return task(Action.TASK_VARIABLES, command, (String) field(command, "entityId"),
                    names((Map<?, ?>) field(command, "variables")), null, null);
        }
        if (command instanceof PatchTaskVariablesCmd) {
            List<String> fields = new ArrayList<>(names((Map<?, ?>) field(command, "variables")));
            fields.addAll(strings((Collection<?>) field(command, "deletions")));
            return task(Action.TASK_VARIABLES, command, (String) field(command, "entityId"), fields, null, null);
        }
        if (command instanceof RemoveTaskVariablesCmd) {
            return task(Action.TASK_VARIABLES, command, (String) field(command, "entityId"),
                    strings((Collection<?>) field(command, "variableNames")), null, null);
        }
        if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
            return task(Action.ASSIGN, command, (String) field(command, "taskId"), List.of(), (String) field(command, "userId"), null);
        }
        if (command instanceof SetTaskOwnerCmd) {
            return task(Action.SET_OWNER, command, (String) field(command, "taskId"), List.of(), (String) field(command, "userId"), null);
        }
        if (command instanceof DelegateTaskCmd) {
            return task(Action.DELEGATE, command, (String) field(command, "taskId"), List.of(), (String) field(command, "userId"), null);
        }
        if (command instanceof AddUserIdentityLinkCmd || command instanceof AddGroupIdentityLinkCmd) {
            return link(command, true);
        }
        if (command instanceof DeleteIdentityLinkCmd) {
            return link(command, false);
        }
        if (command instanceof SaveTaskCmd) {
            TaskEntity task = (TaskEntity) field(command, "task");
            return new GuardedCommand(Action.SAVE_TASK, task == null ? null : task.getId(), null, null, List.of(), null, null, task, name);
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder");
            return new GuardedCommand(Action.START, null, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    names(builder.getVariables()), null, null, null, name);
        }
        if (command instanceof SubmitStartFormCmd) {
            return new GuardedCommand(Action.START, null, (String) field(command, "processDefinitionId"), null,
                    names((Map<?, ?>) field(command, "variables")), null, null, null, name);
        }
        if (command instanceof SetExecutionVariablesCmd || command instanceof PatchExecutionVariablesCmd
                || command instanceof RemoveExecutionVariablesCmd || command instanceof AbstractSetVariableCmd
                || command instanceof AbstractPatchVariablesCmd || command instanceof AbstractRemoveVariableCmd
                || command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof ModifyProcessInstanceCmd
                || command instanceof ProcessInstanceModificationCmd || command instanceof ProcessInstanceModificationBatchCmd
                || command instanceof ModifyProcessInstanceAsyncCmd || command instanceof RestartProcessInstancesCmd
                || command instanceof RestartProcessInstancesBatchCmd || command instanceof SetVariablesToProcessInstancesBatchCmd
                || command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
                || command instanceof MessageEventReceivedCmd || command instanceof SignalCmd
                || command instanceof SignalEventReceivedCmd) {
            return new GuardedCommand(Action.OPERATOR_ONLY, null, null, null, List.of(), null, null, null, name);
        }
        return null;
    }

    private static GuardedCommand link(Command<?> command, boolean add) {
        String taskId = (String) field(command, "taskId");
        String userId = (String) field(command, "userId");
        String groupId = (String) field(command, "groupId");
        String type = (String) field(command, "type");
        if (IdentityLinkType.ASSIGNEE.equals(type)) {
            return task(Action.ASSIGN, command, taskId, List.of(), add ? userId : null, null);
        }
        if (IdentityLinkType.OWNER.equals(type)) {
            return task(Action.SET_OWNER, command, taskId, List.of(), add ? userId : null, null);
        }
        return task(add ? Action.ADD_LINK : Action.DELETE_LINK, command, taskId, List.of(), userId, groupId);
    }

    private static GuardedCommand task(Action action, Command<?> command, String taskId, Collection<String> fields,
                                       String targetUserId, String targetGroupId) {
        return new GuardedCommand(action, taskId, null, null, fields, targetUserId, targetGroupId, null,
                command.getClass().getSimpleName());
    }

    private static List<String> names(Map<?, ?> variables) {
        return variables == null ? List.of() : strings(variables.keySet());
    }

    private static List<String> strings(Collection<?> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    static Object field(Object target, String name) {
        return declared(target, name, false, null);
    }

    /** Sets a command's argument before it runs ({@link HandedOnFields}); the same field names as {@link #field}. */
    static void replaceField(Object target, String name, Object value) {
        declared(target, name, true, value);
    }

    private static Object declared(Object target, String name, boolean replace, Object value) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                if (replace) {
                    field.set(target, value);
                }
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Camunda command " + target.getClass().getName() + " has no field '" + name
                + "': the task guard (cn.huiqi.workflow.GuardedCommand) must be updated for this engine version");
    }
}
