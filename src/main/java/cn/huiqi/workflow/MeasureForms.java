package cn.huiqi.workflow;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;

/**
 * A shared step's form by the measure of its case: {@code camunda:formRef="${measureForm(task, 'review')}"} names
 * {@code m1-review} on a measure-1 case (review-chain serves measures 1-3, each with its own review form). The measure
 * is the case number's prefix (CaseRecord: {@code M1-2023-000001}), which every process of a case carries as its
 * business key. The REST task list resolves the form of every task it lists; a form named by a process variable made
 * that six statements per listed task (the variables of the task's whole execution tree), this reads the process
 * instance's row once per instance and nothing after (docs/performance.md "Task lists").
 */
@Component
class MeasureForms extends AbstractProcessEnginePlugin {

    static final String FUNCTION = "measureForm";
    private static final int REMEMBERED = 50_000;
    private static final Map<String, String> MEASURE_OF_INSTANCE = new ConcurrentHashMap<>();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Method function = MeasureForms.class.getDeclaredMethod(FUNCTION, DelegateTask.class, String.class);
            function.setAccessible(true);
            configuration.getExpressionManager().addFunction(FUNCTION, function);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static String measureForm(DelegateTask task, String step) {
        String instance = task.getProcessInstanceId();
        String measure = instance == null ? null : MEASURE_OF_INSTANCE.get(instance);
        if (measure == null) {
            measure = measureOf(instance);
            if (MEASURE_OF_INSTANCE.size() >= REMEMBERED) {
                MEASURE_OF_INSTANCE.clear();
            }
            MEASURE_OF_INSTANCE.put(instance, measure);
        }
        return measure.toLowerCase(java.util.Locale.ROOT) + "-" + step;
    }

    private static String measureOf(String processInstanceId) {
        ExecutionEntity instance = processInstanceId == null ? null
                : Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return CaseRecord.measureOf(instance == null ? null : instance.getBusinessKey()).orElseThrow(() ->
                new IllegalStateException("no case number on process instance " + processInstanceId + " to choose its form by"));
    }
}
