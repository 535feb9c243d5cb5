package cn.huiqi.investmentreward;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/** An enterprise starts measure 3 with the fields of its start form (bpmn/forms/m3-application.form) only. */
@Component
class InvestmentRewardStartContract implements TaskContractDeclarations {

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(TaskContract.startForm(InvestmentApplicationType.PROCESS_KEY, "StartEvent_Applied", TaskRole.ENTERPRISE_USER,
                "projectId", "equipmentEvidence", CaseRegistration.IDEMPOTENCY_KEY,
                CaseRegistration.ENTERPRISE_ID));
    }
}
