package cn.huiqi.timelimit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.huiqi.casefile.TaskNames;
import cn.huiqi.process.EngineLists;

/**
 * Puts the time limits into the engine: every user task of every model gets built-in listeners on create, complete
 * and delete ({@link TimeLimits}), and on create its name with the case ({@link TaskNames}), so a later measure gets its limits by configuration alone, and the engine runs the
 * checks' jobs ({@link TimeLimitJobs}).
 */
@Component
class TimeLimitPlugin extends AbstractProcessEnginePlugin {

    private final SingletonSupplier<TimeLimits> timeLimits;
    private final SingletonSupplier<TaskNames> taskNames;
    private final ObjectProvider<TimeLimitProperties> properties;

    TimeLimitPlugin(ObjectProvider<TimeLimits> timeLimits, ObjectProvider<TaskNames> taskNames, ObjectProvider<TimeLimitProperties> properties) {
        this.timeLimits = SingletonSupplier.of(timeLimits::getObject);
        this.taskNames = SingletonSupplier.of(taskNames::getObject);
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineLists.add(configuration.getCustomPostBPMNParseListeners(), new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created -> timeLimits.obtain().taskCreated(created));
                // after the time limits, which name the step's clock by the step's own name
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created -> taskNames.obtain().name(created));
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (DelegateTask ended) -> timeLimits.obtain().taskEnded(ended, true));
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, (DelegateTask ended) -> timeLimits.obtain().taskEnded(ended, false));
            }
        }, configuration::setCustomPostBPMNParseListeners);
        EngineLists.add(configuration.getCustomJobHandlers(), new TimeLimitSweep(timeLimits,
                () -> properties.getObject().getCheckEvery()), configuration::setCustomJobHandlers);
        EngineLists.add(configuration.getCustomJobHandlers(), new TimeLimitJobs(timeLimits), configuration::setCustomJobHandlers);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        TimeLimitSweep.ensureScheduled((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());
    }
}
