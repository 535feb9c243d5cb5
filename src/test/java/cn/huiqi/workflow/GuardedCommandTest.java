package cn.huiqi.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

import cn.huiqi.workflow.GuardedCommand.Action;

/**
 * Every engine command the task guard reads, built as the services build them: each field the guard
 * reads by name (Camunda keeps them protected) must come out right, so an engine upgrade that renames
 * one fails here.
 */
class GuardedCommandTest {

    private static final Map<String, Object> VARIABLES = Map.of("localityUnit", "enterprise");

    @Test
    void completionsCarryTheTaskAndTheFieldNames() {
        assertTask(GuardedCommand.of(new CompleteTaskCmd("t1", VARIABLES)), Action.COMPLETE, "t1", List.of("localityUnit"));
        assertTask(GuardedCommand.of(new ResolveTaskCmd("t2", VARIABLES)), Action.COMPLETE, "t2", List.of("localityUnit"));
        assertTask(GuardedCommand.of(new SubmitTaskFormCmd("t3", VARIABLES, false, false)), Action.COMPLETE, "t3", List.of("localityUnit"));
        assertTask(GuardedCommand.of(new CompleteTaskCmd("t4", null)), Action.COMPLETE, "t4", List.of());
        assertTask(GuardedCommand.of(new HandleTaskBpmnErrorCmd("t5", "CASE_REJECTED", "m", VARIABLES)), Action.TASK_ERROR, "t5", List.of("localityUnit"));
        assertTask(GuardedCommand.of(new HandleTaskEscalationCmd("t6", "X", VARIABLES)), Action.TASK_ERROR, "t6", List.of("localityUnit"));
    }

    @Test
    void taskVariableWritesLocalOrNotCarryTheirNames() {
        assertTask(GuardedCommand.of(new SetTaskVariablesCmd("t1", VARIABLES, true)), Action.TASK_VARIABLES, "t1", List.of("localityUnit"));
        assertTask(GuardedCommand.of(new SetTaskVariablesCmd("t1", VARIABLES, false)), Action.TASK_VARIABLES, "t1", List.of("localityUnit"));
        assertTask(GuardedCommand.of(new PatchTaskVariablesCmd("t2", VARIABLES, List.of("reviewUnits"), true)), Action.TASK_VARIABLES, "t2",
                List.of("localityUnit", "reviewUnits"));
        assertTask(GuardedCommand.of(new RemoveTaskVariablesCmd("t3", List.of("reviewUnits"), false)), Action.TASK_VARIABLES, "t3",
                List.of("reviewUnits"));
    }

    @Test
    void assignmentsCarryTheTargetUserOrGroup() {
        assertTarget(GuardedCommand.of(new ClaimTaskCmd("t", "ent-a")), Action.ASSIGN, "ent-a", null);
        assertTarget(GuardedCommand.of(new ClaimTaskCmd("t", null)), Action.ASSIGN, null, null);
        assertTarget(GuardedCommand.of(new AssignTaskCmd("t", "ent-a")), Action.ASSIGN, "ent-a", null);
        assertTarget(GuardedCommand.of(new SetTaskOwnerCmd("t", "ent-a")), Action.SET_OWNER, "ent-a", null);
        assertTarget(GuardedCommand.of(new DelegateTaskCmd("t", "ent-a")), Action.DELEGATE, "ent-a", null);
        assertTarget(GuardedCommand.of(new AddUserIdentityLinkCmd("t", "ent-a", "candidate")), Action.ADD_LINK, "ent-a", null);
        assertTarget(GuardedCommand.of(new AddUserIdentityLinkCmd("t", "ent-a", "assignee")), Action.ASSIGN, "ent-a", null);
        assertTarget(GuardedCommand.of(new AddUserIdentityLinkCmd("t", "ent-a", "owner")), Action.SET_OWNER, "ent-a", null);
        assertTarget(GuardedCommand.of(new AddGroupIdentityLinkCmd("t", "enterprise", "candidate")), Action.ADD_LINK, null, "enterprise");
        assertTarget(GuardedCommand.of(new DeleteUserIdentityLinkCmd("t", "u", "assignee")), Action.ASSIGN, null, null);
        assertTarget(GuardedCommand.of(new DeleteUserIdentityLinkCmd("t", "u", "candidate")), Action.DELETE_LINK, "u", null);
        assertTarget(GuardedCommand.of(new DeleteGroupIdentityLinkCmd("t", "gxj", "candidate")), Action.DELETE_LINK, null, "gxj");
    }

    @Test
    void savedTasksStartsAndOperatorCommands() {
        TaskEntity task = new TaskEntity("t9");
        GuardedCommand save = GuardedCommand.of(new SaveTaskCmd(task));
        assertThat(save.action()).isEqualTo(Action.SAVE_TASK);
        assertThat(save.savedTask()).isSameAs(task);
        assertThat(save.taskId()).isEqualTo("t9");

        ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
                .createProcessInstanceByKey(null, "m1-order-reward").setVariables(VARIABLES);
        GuardedCommand start = GuardedCommand.of(new StartProcessInstanceCmd(builder));
        assertThat(start.action()).isEqualTo(Action.START);
        assertThat(start.processDefinitionKey()).isEqualTo("m1-order-reward");
        assertThat(start.fields()).containsExactly("localityUnit");
        GuardedCommand form = GuardedCommand.of(new SubmitStartFormCmd("def:1", null, VARIABLES));
        assertThat(form.processDefinitionId()).isEqualTo("def:1");
        assertThat(form.fields()).containsExactly("localityUnit");

        assertThat(GuardedCommand.of(new SetExecutionVariablesCmd("e", VARIABLES, true)).action()).isEqualTo(Action.OPERATOR_ONLY);
        assertThat(GuardedCommand.of(new PatchExecutionVariablesCmd("e", VARIABLES, List.of(), false)).action()).isEqualTo(Action.OPERATOR_ONLY);
        assertThat(GuardedCommand.of(new RemoveExecutionVariablesCmd("e", List.of("x"), false)).action()).isEqualTo(Action.OPERATOR_ONLY);
        assertThat(GuardedCommand.of(new GetTaskVariablesCmd("t", null, false, true))).as("reads are not guarded").isNull();
    }

    private static void assertTask(GuardedCommand command, Action action, String taskId, List<String> fields) {
        assertThat(command.action()).isEqualTo(action);
        assertThat(command.taskId()).isEqualTo(taskId);
        assertThat(command.fields()).containsExactlyInAnyOrderElementsOf(fields);
    }

    private static void assertTarget(GuardedCommand command, Action action, String user, String group) {
        assertThat(command.action()).isEqualTo(action);
        assertThat(command.taskId()).isEqualTo("t");
        assertThat(command.targetUserId()).isEqualTo(user);
        assertThat(command.targetGroupId()).isEqualTo(group);
    }
}
