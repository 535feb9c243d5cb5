package cn.huiqi.orderreward;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/** An enterprise starts measure 1 with the fields of its start form (bpmn/forms/m1-application.form) only. */
@Component
class OrderRewardStartContract implements TaskContractDeclarations {

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(TaskContract.startForm(OrderApplicationType.PROCESS_KEY, "StartEvent_Applied", TaskRole.ENTERPRISE_USER,
                "orders", CaseRegistration.IDEMPOTENCY_KEY,
                CaseRegistration.ENTERPRISE_ID));
    }
}
