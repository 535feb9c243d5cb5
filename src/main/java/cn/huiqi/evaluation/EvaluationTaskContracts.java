package cn.huiqi.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.identity.Groups;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/** Every user task of the evaluation processes is 市工信局's; each takes only its outcome and what records it. */
@Component
class EvaluationTaskContracts implements TaskContractDeclarations {

    static final String ROUND_PROCESS = "evaluation-round";

    @Override
    public List<TaskContract> taskContracts() {
        TaskRole gxj = TaskRole.group(Groups.LEAD_BUREAU);
        return List.of(
                TaskContract.userTask(ROUND_PROCESS, EvaluationStep.CLOSE_DATA_ENTRY, gxj),
                TaskContract.userTask(ROUND_PROCESS, EvaluationStep.PROPOSE, gxj, "reason"),
                TaskContract.userTask(ROUND_PROCESS, EvaluationStep.CHECK_PROPOSAL, gxj, "outcome", "reason"),
                TaskContract.userTask(ROUND_PROCESS, EvaluationStep.CITY_APPROVAL, gxj, "outcome", "reason", "documentNumber", "approvalDate"),
                TaskContract.userTask(ROUND_PROCESS, EvaluationStep.HANDLE_REVIEW_REQUESTS, gxj, "outcome", "reason"),
                TaskContract.userTask(RoundProcess.M6_PROCESS, EvaluationStep.SAFETY_VETO_CHECK, gxj, "outcome"));
    }
}
