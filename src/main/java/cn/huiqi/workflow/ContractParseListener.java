package cn.huiqi.workflow;

import java.util.Set;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, a BPMN whose user task or start form has no task contract in the code: nobody
 * would know who may act on it and what they may write. The deployment fails with a ParseException
 * naming the step (REST deployment/create: 400), whoever deploys (the app at start-up, an administrator,
 * the Modeler). It also marks each user task with the fields its contract hands on ({@link HandedOnFields}).
 */
class ContractParseListener extends AbstractBpmnParseListener {

    private final TaskContracts contracts;

    ContractParseListener(TaskContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String processKey = keyOf(scope);
        TaskContract contract = contracts.forStep(processKey, activity.getId()).filter(c -> !c.start()).orElse(null);
        if (contract == null) {
            refuse(userTaskElement, processKey, activity.getId(), "用户任务", "user task");
            return;
        }
        if (!contract.handedOnFields().isEmpty()) {
            activity.setProperty(HandedOnFields.PROPERTY, Set.copyOf(contract.handedOnFields()));
        }
    }

    @Override
    public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        boolean hasForm = startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey") != null
                || startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
                || startEventElement.element("extensionElements") != null
                    && startEventElement.element("extensionElements").elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData") != null;
        String processKey = keyOf(scope);
        if (hasForm && contracts.forStep(processKey, startEventActivity.getId()).filter(TaskContract::start).isEmpty()) {
            refuse(startEventElement, processKey, startEventActivity.getId(), "开始表单", "start form");
        }
    }

    private static String keyOf(ScopeImpl scope) {
        return ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
    }

    private static void refuse(Element element, String processKey, String activityId, String kindZh, String kindEn) {
        String message = "流程 " + processKey + " 的" + kindZh + " " + activityId + " 没有在代码中声明办理角色和可填写字段（TaskContract），不能部署"
                + " / The " + kindEn + " " + activityId + " of process " + processKey
                + " declares no role and no writable fields in the code (TaskContract) and cannot be deployed";
        // a BpmnParseException becomes one of the deployment's parse errors: ParseException, REST 400
        throw new BpmnParseException(message, element);
    }
}
