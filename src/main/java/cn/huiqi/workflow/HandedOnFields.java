package cn.huiqi.workflow;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Makes the fields a step hands on ({@link TaskContract#handedOnFields()}) transient in a completion, whoever
 * completes (Tasklist, REST, the app, a test): the step's end listeners and gateway read them in this
 * transaction and record them on the case; no process variable, runtime or history row, is written for them, so
 * nothing of one reviewer's answer is left for the next step to read. Runs inside the command's context, after
 * {@link TaskGuardInterceptor} let the command through: the task it reads is the one the command then completes
 * (the engine finds it in the command's entity cache).
 */
class HandedOnFields extends CommandInterceptor {

    /** Activity property set at deployment by {@link ContractParseListener}: the names this user task hands on. */
    static final String PROPERTY = "huiqi.handedOnFields";

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof CompleteTaskCmd) { // and ResolveTaskCmd
            handOn(command, "variables");
        } else if (command instanceof SubmitTaskFormCmd) {
            handOn(command, "properties");
        }
        return next.execute(command);
    }

    private static void handOn(Command<?> command, String variablesField) {
        Map<?, ?> variables = (Map<?, ?>) GuardedCommand.field(command, variablesField);
        CommandContext context = Context.getCommandContext();
        if (variables == null || variables.isEmpty() || context == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById((String) GuardedCommand.field(command, "taskId"));
        if (task == null || task.getProcessDefinitionId() == null) {
            return; // the command itself says why
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        ActivityImpl activity = definition.findActivity(task.getTaskDefinitionKey());
        @SuppressWarnings("unchecked")
        Set<String> handedOn = activity == null ? null : (Set<String>) activity.getProperty(PROPERTY);
        if (handedOn == null || variables.keySet().stream().noneMatch(handedOn::contains)) {
            return;
        }
        VariableMap copy = Variables.createVariables();
        // a name the task already sees as a stored variable (saved on the task, a diagram version's input parameter of
        // the task, or set on its scope by an earlier version of the app while the task waited) stays stored: the
        // engine refuses a transient value over it. The completion loads those variables itself to set the values, so
        // asking here costs nothing.
        variables.forEach((name, value) -> copy.put((String) name, handedOn.contains(name)
                && !(command instanceof SubmitTaskFormCmd ? task.hasVariable((String) name) : task.getExecution().hasVariable((String) name))
                ? Variables.untypedValue(value, true) : value));
        GuardedCommand.replaceField(command, variablesField, copy);
    }
}
