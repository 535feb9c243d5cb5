package cn.huiqi.settlement;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.identity.Groups;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * The payment batch of a settlement (bpmn/fund-settlement.bpmn) is 市财政局's; it writes nothing: payments
 * are confirmed on the settlements page, which completes the task when nothing is left to pay.
 */
@Component
class SettlementTaskContracts implements TaskContractDeclarations {

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(TaskContract.userTask(SettlementController.PROCESS_KEY, SettlementPayments.BATCH_TASK,
                TaskRole.group(Groups.FINANCE_BUREAU)));
    }
}
