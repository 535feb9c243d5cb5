package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.testsupport.QuietLoggers;

/** A user task's diagram can only name form figures the code has: any other name refuses the deployment. */
class FormFiguresTest extends ProcessTestSupport {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void theEngineRefusesATaskNamingFiguresTheCodeDoesNotHave() {
        // a step with a task contract (review-chain's city review), so only the figures' name is wrong
        String model = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="figures" targetNamespace="http://huiqi.cn/test">
                  <bpmn:process id="review-chain" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Task_CityReview" />
                    <bpmn:userTask id="Task_CityReview" camunda:candidateGroups="gxj">
                      <bpmn:extensionElements>
                        <camunda:properties><camunda:property name="formFigures" value="runtimeService" /></camunda:properties>
                      </bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="Task_CityReview" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("review-chain").count();
        assertThatThrownBy(QuietLoggers.during(() -> repositoryService.createDeployment().addString("figures.bpmn", model)
                .deploy(), "org.camunda.bpm.engine.context"))
                .isInstanceOf(ParseException.class).hasMessageContaining("formFigures").hasMessageContaining("runtimeService");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("review-chain").count()).isEqualTo(before);
    }
}
