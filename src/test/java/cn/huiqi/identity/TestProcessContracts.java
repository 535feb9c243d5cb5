package cn.huiqi.identity;

import java.util.List;

import org.springframework.boot.test.context.TestComponent;

import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * The one-task processes these tests deploy: like every BPMN, they need a task contract or the engine
 * refuses to deploy them. The task is its candidate unit's and takes no fields.
 */
@TestComponent
class TestProcessContracts implements TaskContractDeclarations {

    static final String SEC_TEST_PROCESS = "sec-test-process";
    static final String KEYCLOAK_TEST_PROCESS = "kc-group-test";

    @Override
    public List<TaskContract> taskContracts() {
        return List.of(TaskContract.userTask(SEC_TEST_PROCESS, "verify", TaskRole.group("donghu")),
                TaskContract.userTask(KEYCLOAK_TEST_PROCESS, "verify", TaskRole.group("xinjian")));
    }
}
