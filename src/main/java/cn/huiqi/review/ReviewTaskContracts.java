package cn.huiqi.review;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * The steps of the shared review chain (bpmn/review-chain.bpmn): the case's locality verifies, each of
 * the case's reviewing units reviews, the applying enterprise supplements. Reviewers write their decision,
 * comment and (measure 1) a result per order ({@code orderVerification}, checked by orderreward.OrderVerification).
 * All three are handed on: {@link ReviewStepCompleted} and orderreward.OrderVerification check them and write them to
 * the case (timeline, per-order results), the gateway after the task routes on the decision, and the process keeps none.
 */
@Component
class ReviewTaskContracts implements TaskContractDeclarations {

    static final String PROCESS = "review-chain";
    private static final String[] REVIEW_FIELDS = {"decision", "comment", "orderVerification"};
    private static final String[] HANDED_ON = {"decision", "comment", "orderVerification"};
    private static final String[] SUPPLEMENT_FIELDS = {"supplementNote", "supplementEvidence"};

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(
                TaskContract.userTask(PROCESS, "Task_LocalityVerification", TaskRole.LOCALITY, REVIEW_FIELDS).handingOn(HANDED_ON),
                TaskContract.userTask(PROCESS, "Task_LocalitySupplement", TaskRole.APPLICANT, SUPPLEMENT_FIELDS),
                TaskContract.userTask(PROCESS, "Task_CityReview", TaskRole.CITY_UNIT, REVIEW_FIELDS).handingOn(HANDED_ON),
                TaskContract.userTask(PROCESS, "Task_CitySupplement", TaskRole.APPLICANT, SUPPLEMENT_FIELDS));
    }
}
