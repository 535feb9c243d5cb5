package cn.huiqi.growthreward;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/** An enterprise starts measure 2 with the fields of its start form (bpmn/forms/m2-application.form) only. */
@Component
class GrowthRewardStartContract implements TaskContractDeclarations {

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(TaskContract.startForm(GrowthApplicationType.PROCESS_KEY, "StartEvent_Applied", TaskRole.ENTERPRISE_USER,
                "taxableRevenue", "priorYearRevenue", "revenueEvidence", CaseRegistration.IDEMPOTENCY_KEY,
                CaseRegistration.ENTERPRISE_ID));
    }
}
