package cn.huiqi.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link FormFigures} into the engine: a user task whose diagram names a figures bean
 * ({@code camunda:property formFigures}) gets a task form handler that adds the bean's figures to the engine's form
 * data as read-only form fields, the engine's own way of giving a form values it does not store
 * (GetTaskFormVariablesCmd puts form fields first, then the task's variables). A name that is no {@link FormFigures}
 * bean refuses the deployment. Submitting a form is the engine's as before.
 */
@Component
class FormFiguresPlugin extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "formFigures";

    private final ListableBeanFactory beans;

    FormFiguresPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineLists.add(configuration.getCustomPreBPMNParseListeners(), new FiguresParseListener(),
                configuration::setCustomPreBPMNParseListeners);
    }

    private final class FiguresParseListener extends AbstractBpmnParseListener {
        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var properties = BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement); // null: none
            String name = properties == null ? null : properties.get(PROPERTY);
            if (name == null) {
                return;
            }
            // names only: no bean is created while the engine parses (it may be starting)
            if (!Arrays.asList(beans.getBeanNamesForType(FormFigures.class, false, false)).contains(name)) {
                throw new BpmnParseException("用户任务 " + activity.getId() + " 的 formFigures「" + name + "」不是已知的表单数据来源"
                        + " / formFigures '" + name + "' of user task " + activity.getId() + " names no known form figures", userTaskElement);
            }
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.setTaskFormHandler(new WithFigures(definition.getTaskFormHandler(), name));
        }
    }

    /** The engine's handler of the task, plus the figures as form fields when the form is read. */
    private final class WithFigures implements TaskFormHandler {
        private final TaskFormHandler form;
        private final String figures;

        WithFigures(TaskFormHandler form, String figures) {
            this.form = form;
            this.figures = figures;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData data = form.createTaskForm(task);
            List<FormField> fields = data.getFormFields() == null ? new ArrayList<>() : new ArrayList<>(data.getFormFields());
            beans.getBean(figures, FormFigures.class).of(task).forEach((key, value) -> {
                FormFieldImpl field = new FormFieldImpl();
                field.setId(key);
                field.setType(new StringFormType());
                // typed as a variable of the value would be (REST: "type": "String"), never serialized
                field.setValue(value instanceof String text ? Variables.stringValue(text) : Variables.untypedValue(value));
                fields.add(field);
            });
            ((FormDataImpl) data).setFormFields(fields);
            return data;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment, ProcessDefinitionEntity processDefinition,
                                       BpmnParse bpmnParse) {
            form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            form.submitFormVariables(properties, variableScope);
        }
    }
}
