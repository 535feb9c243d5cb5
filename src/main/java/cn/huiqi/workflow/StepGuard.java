package cn.huiqi.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.Groups;

/**
 * The rules of the task guard ({@link TaskGuardPlugin}): given what a command would do and who asks,
 * the refusal to throw, or null. Runs first in the command's own context ({@link TaskGuardInterceptor}), with the
 * engine's authorization checks off while it reads; it only reads.
 * <ul>
 * <li>Completing (complete, submit-form, resolve): only a user holding the step's role, only the step's
 * declared fields (anything else: 400 naming the field). Administrators are no exception.</li>
 * <li>BPMN errors and escalations from user tasks: never (a step ends by completing it).</li>
 * <li>Task variables: administrators freely; others only as the step's role and only declared fields.</li>
 * <li>Claim and assign: the new assignee must hold the role (everyone); non-administrators claim for
 * themselves only, and unclaim only as holders of the role.</li>
 * <li>Owner, delegation, candidate and participant links: administrators only, and only to users holding
 * the role or to the role's own group.</li>
 * <li>Starting a process the app starts itself ({@code Measure#startedByApp}, measure 7): never, administrators included.</li>
 * <li>Starting a process: as its start contract's role with its declared fields (else 403 naming the field);
 * a process without a
 * start contract, process instance variables, modification, messages and signals: administrators only
 * (the app's own work runs without an authenticated user and is not checked).</li>
 * </ul>
 */
@Component
class StepGuard {

    /** The multi-instance element variable of city review (review.CaseRouting). */
    static final String REVIEW_UNIT = "reviewUnit";

    private final TaskContracts contracts;
    private final StepRoles roles;
    private final CaseOfProcess cases;

    private final cn.huiqi.catalogue.MeasureCatalogue catalogue;

    StepGuard(TaskContracts contracts, StepRoles roles, CaseOfProcess cases, cn.huiqi.catalogue.MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.contracts = contracts;
        this.roles = roles;
        this.cases = cases;
    }

    RuntimeException refusal(GuardedCommand command, Caller caller, CommandContext context) {
        return switch (command.action()) {
            case OPERATOR_ONLY -> caller.admin() ? null : new StepNotAllowedException(
                    "只有系统管理员可以直接修改流程实例、流程变量、消息或信号（" + command.commandName() + "）",
                    "Only administrators may change process instances, process variables, messages or signals directly ("
                            + command.commandName() + ")");
            case START -> start(command, caller, context);
            default -> onTask(command, caller, context);
        };
    }

    record Caller(String userId, List<String> groups) {
        boolean admin() {
            return groups.contains(Groups.CAMUNDA_ADMIN);
        }
    }

    private RuntimeException start(GuardedCommand command, Caller caller, CommandContext context) {
        ProcessDefinitionEntity definition;
        try {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            definition = command.processDefinitionId() != null
                    ? cache.findDeployedProcessDefinitionById(command.processDefinitionId())
                    : cache.findDeployedLatestProcessDefinitionByKey(command.processDefinitionKey());
        } catch (ProcessEngineException unknown) {
            return null; // the engine itself answers that the definition does not exist
        }
        if (definition == null) {
            return null;
        }
        if (catalogue.byProcess(definition.getKey()).filter(cn.huiqi.catalogue.Measure::startedByApp).isPresent()) {
            // e.g. measure 7: the app opens the case first and starts the process for it; nobody starts one by hand
            return new StepNotAllowedException("流程 " + definition.getKey() + " 由系统在登记案件后发起，任何用户（包括管理员）都不能直接发起",
                    "Process " + definition.getKey() + " is started by the app once it has opened the case; no user, administrators included, starts it");
        }
        Optional<TaskContract> contract = contracts.startOf(definition.getKey());
        if (contract.isEmpty()) {
            return caller.admin() ? null : new StepNotAllowedException("流程 " + definition.getKey() + " 不能由用户发起",
                    "Process " + definition.getKey() + " is not started by users");
        }
        StepSite site = new StepSite(definition.getKey(), contract.get().activityId(), null, null);
        if (!roles.holds(contract.get().role(), site, caller.userId(), caller.groups())) {
            return notHolding(contract.get().role(), "发起申请", "start an application");
        }
        // 403, not 400: Camunda's /start answers every other refusal with 500; a start form never sends more
        TreeSet<String> refused = new TreeSet<>(command.fields());
        refused.removeAll(contract.get().writableFields());
        return refused.isEmpty() ? null : new StepNotAllowedException(
                "发起申请时不能填写字段 " + String.join("、", refused) + "（可填写：" + accepted(contract.get()) + "）",
                "An application does not take field(s) " + String.join(", ", refused) + " (it takes: " + accepted(contract.get()) + ")");
    }

    private RuntimeException onTask(GuardedCommand command, Caller caller, CommandContext context) {
        if (command.action() == GuardedCommand.Action.SAVE_TASK && (command.savedTask() == null || command.savedTask().getRevision() == 0)) {
            return caller.admin() ? null : new StepNotAllowedException("只有系统管理员可以新建任务", "Only administrators create tasks");
        }
        TaskEntity task = command.taskId() == null ? null : context.getTaskManager().findTaskById(command.taskId());
        if (task == null) {
            return null; // the engine answers 404
        }
        String processKey = processKeyOf(task, context);
        Optional<TaskContract> found = processKey == null ? Optional.empty() : contracts.forStep(processKey, task.getTaskDefinitionKey());
        if (found.isEmpty()) {
            boolean ends = command.action() == GuardedCommand.Action.COMPLETE || command.action() == GuardedCommand.Action.TASK_ERROR;
            return caller.admin() && !ends ? null : new StepNotAllowedException("此任务没有声明办理角色和可填写字段，不能办理",
                    "This task declares no role and no fields; nobody may work on it");
        }
        TaskContract contract = found.get();
        StepSite site = site(processKey, task, contract.role(), context);
        return switch (command.action()) {
            case COMPLETE -> holds(contract, site, caller.userId(), caller.groups())
                    ? undeclared(command.fields(), contract) : notHolding(contract.role(), "办理此任务", "complete this task");
            case TASK_ERROR -> new StepNotAllowedException("用户任务只能通过提交办理结果结束，不能抛出BPMN错误或升级",
                    "A user task ends only by completing it; it cannot throw a BPMN error or escalation");
            case TASK_VARIABLES -> taskVariables(command, contract, site, caller);
            case ASSIGN -> assign(command.targetUserId(), contract, site, caller, context);
            case SET_OWNER, DELEGATE -> handOver(command.targetUserId(), contract, site, caller, context);
            case ADD_LINK -> addLink(command, task, contract, site, caller, context);
            case DELETE_LINK -> caller.admin() ? null : linksAreForAdministrators();
            case SAVE_TASK -> saveTask(command.savedTask(), task, contract, site, caller, context);
            default -> throw new IllegalStateException(command.action().name());
        };
    }

    private RuntimeException taskVariables(GuardedCommand command, TaskContract contract, StepSite site, Caller caller) {
        if (caller.admin()) {
            return null;
        }
        if (!holds(contract, site, caller.userId(), caller.groups())) {
            return notHolding(contract.role(), "填写此任务", "write to this task");
        }
        TreeSet<String> refused = new TreeSet<>(command.fields());
        refused.removeAll(contract.writableFields());
        return refused.isEmpty() ? null : new StepNotAllowedException(
                "此任务不能写入字段 " + String.join("、", refused) + "（可填写：" + accepted(contract) + "）",
                "This task does not take field(s) " + String.join(", ", refused) + " (it takes: " + accepted(contract) + ")");
    }

    private RuntimeException assign(String target, TaskContract contract, StepSite site, Caller caller, CommandContext context) {
        if (target == null) {
            return caller.admin() || holds(contract, site, caller.userId(), caller.groups()) ? null
                    : notHolding(contract.role(), "退回（取消认领）此任务", "unclaim this task");
        }
        if (!caller.admin() && !target.equals(caller.userId())) {
            return new StepNotAllowedException("只能由本人认领任务，不能指派给他人（" + target + "）",
                    "You may claim a task for yourself only, not assign it to someone else (" + target + ")");
        }
        return targetHolds(target, contract, site, caller, context);
    }

    private RuntimeException handOver(String target, TaskContract contract, StepSite site, Caller caller, CommandContext context) {
        if (!caller.admin()) {
            return new StepNotAllowedException("只有系统管理员可以委托或转交任务", "Only administrators delegate tasks or change their owner");
        }
        return target == null ? null : targetHolds(target, contract, site, caller, context);
    }

    private RuntimeException addLink(GuardedCommand command, TaskEntity task, TaskContract contract, StepSite site, Caller caller,
                                     CommandContext context) {
        if (!caller.admin()) {
            return linksAreForAdministrators();
        }
        if (command.targetUserId() != null) {
            return targetHolds(command.targetUserId(), contract, site, caller, context);
        }
        Optional<String> group = roles.groupOf(contract.role(), site);
        if (group.isEmpty() || !group.get().equals(command.targetGroupId())) {
            return new StepNotAllowedException(
                    "组 " + command.targetGroupId() + " 不是此任务的办理角色（" + contract.role().label().zh() + "）",
                    "Group " + command.targetGroupId() + " does not hold this task's role (" + contract.role().label().en() + ")");
        }
        // once per task and group (V40's unique key, on which a unit's task page is written without "distinct")
        return task.getIdentityLinks().stream().noneMatch(link -> group.get().equals(link.getGroupId())) ? null
                : new StepNotAllowedException("组 " + group.get() + " 已是此任务的候选组", "Group " + group.get() + " is already linked to this task");
    }

    private RuntimeException saveTask(TaskEntity saved, TaskEntity current, TaskContract contract, StepSite site, Caller caller,
                                      CommandContext context) {
        // not even an administrator: a unit's queue sorts by due date ascending and the engine has no "nulls last"
        // (on MariaDB a task without one sits above every dated task); a due date may be moved, not removed
        if (current.getDueDate() != null && saved.getDueDate() == null) {
            return new StepNotAllowedException(
                    "任务的到期日不能清除，只能改为其他日期（待办列表按到期日排序，没有到期日的任务会排在最前）",
                    "A task's due date cannot be removed, only moved (queues are sorted by due date; a task without one would come first)");
        }
        if (!Objects.equals(saved.getDelegationState(), current.getDelegationState()) && !caller.admin()) {
            return handOver(saved.getAssignee(), contract, site, caller, context);
        }
        if (!Objects.equals(saved.getOwner(), current.getOwner())) {
            RuntimeException refusal = handOver(saved.getOwner(), contract, site, caller, context);
            if (refusal != null) {
                return refusal;
            }
        }
        if (!Objects.equals(saved.getAssignee(), current.getAssignee())) {
            RuntimeException refusal = assign(saved.getAssignee(), contract, site, caller, context);
            if (refusal != null) {
                return refusal;
            }
        }
        return caller.admin() || onlyPersonalFieldsChanged(saved, current) ? null : new StepNotAllowedException(
                "只有系统管理员可以修改任务的名称、说明、优先级和到期日；办理人只能设置跟进日期",
                "Only administrators change a task's name, description, priority or due date; its worker sets a follow-up date only");
    }

    /** What Tasklist's PUT /task/{id} may change for a worker: the follow-up date, a personal reminder. */
    private static boolean onlyPersonalFieldsChanged(TaskEntity saved, TaskEntity current) {
        return Objects.equals(saved.getName(), current.getName())
                && Objects.equals(saved.getDescription(), current.getDescription())
                && saved.getPriority() == current.getPriority()
                && Objects.equals(saved.getDueDate(), current.getDueDate())
                && Objects.equals(saved.getParentTaskId(), current.getParentTaskId())
                && Objects.equals(saved.getCaseInstanceId(), current.getCaseInstanceId())
                && Objects.equals(saved.getTenantId(), current.getTenantId());
    }

    private RuntimeException targetHolds(String target, TaskContract contract, StepSite site, Caller caller, CommandContext context) {
        List<String> groups = target.equals(caller.userId()) ? caller.groups() : groupsOf(target, context);
        return holds(contract, site, target, groups) ? null : new StepNotAllowedException(
                "用户 " + target + " 不是此任务的办理角色（" + contract.role().label().zh() + "），不能接手此任务",
                "User " + target + " does not hold this task's role (" + contract.role().label().en() + ") and cannot take it");
    }

    private boolean holds(TaskContract contract, StepSite site, String userId, Collection<String> groups) {
        return roles.holds(contract.role(), site, userId, groups);
    }

    private static List<String> groupsOf(String userId, CommandContext context) {
        return context.getProcessEngineConfiguration().getIdentityService().createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList();
    }

    /** The key of the task's process, null for a standalone task (no process, no contract). */
    private static String processKeyOf(TaskEntity task, CommandContext context) {
        if (task.getProcessDefinitionId() == null || task.getProcessInstanceId() == null) {
            return null;
        }
        return context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
    }

    /**
     * The case, by the root instance's id the engine keeps on the task's instance: the call hierarchy above it (the
     * calling execution, the measure's instance) is not loaded. The unit of this city review (the multi-instance
     * element variable) only for the role that depends on it: elsewhere there is none, and asking for it would load
     * the variables of every scope up to the process instance.
     */
    private StepSite site(String processKey, TaskEntity task, TaskRole role, CommandContext context) {
        ExecutionEntity execution = task.getExecution() != null ? task.getExecution()
                : context.getExecutionManager().findExecutionById(task.getProcessInstanceId());
        CaseRecord caseRecord = cases.ofRootProcessInstance(CaseOfProcess.rootIdOf(execution)).orElse(null);
        Object reviewUnit = role.kind() == TaskRole.Kind.CITY_UNIT && task.getExecution() != null
                ? task.getExecution().getVariable(REVIEW_UNIT) : null;
        return new StepSite(processKey, task.getTaskDefinitionKey(), caseRecord, reviewUnit == null ? null : reviewUnit.toString());
    }

    private static RuntimeException undeclared(Collection<String> fields, TaskContract contract) {
        List<FieldProblem> problems = new TreeSet<>(fields).stream()
                .filter(field -> !contract.writableFields().contains(field))
                .map(field -> new FieldProblem(field, "此步骤不接受字段 " + field + "（可填写：" + accepted(contract) + "）",
                        "This step does not accept field " + field + " (it accepts: " + accepted(contract) + ")"))
                .toList();
        return problems.isEmpty() ? null : new InvalidInputException(problems);
    }

    private static String accepted(TaskContract contract) {
        return contract.writableFields().isEmpty() ? "—" : String.join(", ", new TreeSet<>(contract.writableFields()));
    }

    private static StepNotAllowedException notHolding(TaskRole role, String actionZh, String actionEn) {
        return new StepNotAllowedException("无权" + actionZh + "：须由" + role.label().zh() + "办理",
                "You may not " + actionEn + ": it is for " + role.label().en());
    }

    private static StepNotAllowedException linksAreForAdministrators() {
        return new StepNotAllowedException("只有系统管理员可以增删任务的候选人、候选组或参与人",
                "Only administrators add or remove a task's candidate users, candidate groups or participants");
    }
}
