package cn.huiqi.assistance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.huiqi.identity.Groups;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * Who acts on each step of {@code m7-assistance-demand} and what they may write; {@link DemandSteps} checks the values
 * (outcomes are enumerations). The locality of the case accepts; the unit on the demand record handles
 * ({@link TaskRole#CASE_UNIT}, {@link DemandHandlingUnit}); 市工信局 decides transfers, extensions and upward reports and
 * supervises; the case's enterprise adds information and rates. Nobody writes a unit, a limit or a candidate group.
 */
@Component
class DemandTaskContracts implements TaskContractDeclarations {

    static final String PROCESS = AssistanceMeasure.PROCESS_KEY;

    static final String[] ACCEPT = {"decision", "category", "scope", "utility", "mergeInto", "reason"};
    static final String[] HANDLE = {"action", "replyOutcome", "text"};
    static final String[] DECIDE_TRANSFER = {"unit", "reason"};
    static final String[] PROVIDE_INFO = {"text"};
    static final String[] APPROVE_EXTENSION = {"decision", "reason"};
    static final String[] REPORT_UPWARD = {"decision", "upwardTo", "upwardRef", "reason"};
    static final String[] REVISIT = {"rating", "comment"};
    static final String[] SUPERVISE = {"decision", "reason"};
    static final String[] OVERDUE_SUPERVISION = {"note"};

    /** Every field any step takes: cleared when a step starts ({@link DemandSteps#fresh}). */
    static final List<String> ALL_FIELDS = List.copyOf(union(ACCEPT, HANDLE, DECIDE_TRANSFER, PROVIDE_INFO, APPROVE_EXTENSION,
            REPORT_UPWARD, REVISIT, SUPERVISE, OVERDUE_SUPERVISION));

    @Override
    public List<TaskContract> taskContracts() {
        TaskRole gxj = TaskRole.group(Groups.LEAD_BUREAU);
        return List.of(
                TaskContract.userTask(PROCESS, "Task_Accept", TaskRole.LOCALITY, ACCEPT),
                TaskContract.userTask(PROCESS, "Task_Handle", TaskRole.CASE_UNIT, HANDLE),
                TaskContract.userTask(PROCESS, "Task_DecideTransfer", gxj, DECIDE_TRANSFER),
                TaskContract.userTask(PROCESS, "Task_ProvideInfo", TaskRole.APPLICANT, PROVIDE_INFO),
                TaskContract.userTask(PROCESS, "Task_ApproveExtension", gxj, APPROVE_EXTENSION),
                TaskContract.userTask(PROCESS, "Task_ReportUpward", gxj, REPORT_UPWARD),
                TaskContract.userTask(PROCESS, "Task_Revisit", TaskRole.APPLICANT, REVISIT),
                TaskContract.userTask(PROCESS, "Task_Supervise", gxj, SUPERVISE),
                TaskContract.userTask(PROCESS, "Task_OverdueSupervision", gxj, OVERDUE_SUPERVISION));
    }

    private static Set<String> union(String[]... fields) {
        Set<String> all = new TreeSet<>();
        for (String[] some : fields) {
            all.addAll(List.of(some));
        }
        return all;
    }
}
