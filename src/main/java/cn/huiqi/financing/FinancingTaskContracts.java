package cn.huiqi.financing;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * Who acts on the user tasks of {@code m8-financing-demand} and what they may write: the screening unit on the record
 * screens ({@link ScreeningUnit}), 市金融办 coordinates. Enterprises and institutions have no tasks: they act through
 * {@code /api/financing/...}, which moves the process by message correlation.
 */
@Component
class FinancingTaskContracts implements TaskContractDeclarations {

    static final String PROCESS = FinancingMeasure.PROCESS_KEY;
    static final String JRB = "jrb";

    static final String[] SCREEN = {"decision", "reason"};
    static final String[] COORDINATE = {"outcome", "reason"};
    static final List<String> ALL_FIELDS = List.of("decision", "outcome", "reason");

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(
                TaskContract.userTask(PROCESS, "Task_Screen", TaskRole.CASE_UNIT, SCREEN),
                TaskContract.userTask(PROCESS, "Task_Coordinate", TaskRole.group(JRB), COORDINATE));
    }
}
