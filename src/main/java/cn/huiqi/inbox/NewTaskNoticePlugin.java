package cn.huiqi.inbox;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.huiqi.process.EngineLists;

/** Builds {@link NewTaskNotices} into every user task of every process the engine parses, as a create listener. */
@Component
class NewTaskNoticePlugin extends AbstractProcessEnginePlugin {

    private final SingletonSupplier<NewTaskNotices> notices;

    NewTaskNoticePlugin(ObjectProvider<NewTaskNotices> notices) {
        this.notices = SingletonSupplier.of(notices::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener listener = (DelegateTask task) -> notices.obtain().notify(task);
        EngineLists.add(configuration.getCustomPostBPMNParseListeners(), new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
        }, configuration::setCustomPostBPMNParseListeners);
    }
}
