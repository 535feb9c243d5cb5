package cn.huiqi.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the task contracts into the engine: the guard on every command ({@link TaskGuardInterceptor}), the
 * handed-on fields of a completion ({@link HandedOnFields}) and the deployment check ({@link ContractParseListener}).
 */
@Component
class TaskGuardPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<StepGuard> guard;
    private final TaskContracts contracts;

    TaskGuardPlugin(ObjectProvider<StepGuard> guard, TaskContracts contracts) {
        this.guard = guard;
        this.contracts = contracts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        for (boolean requiresNew : new boolean[] {false, true}) {
            java.util.List<CommandInterceptor> interceptors = requiresNew ? configuration.getCustomPreCommandInterceptorsTxRequiresNew()
                    : configuration.getCustomPreCommandInterceptorsTxRequired();
            interceptors = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
            interceptors.add(TaskGuardInterceptor.outside(configuration));
            java.util.List<CommandInterceptor> post = requiresNew ? configuration.getCustomPostCommandInterceptorsTxRequiresNew()
                    : configuration.getCustomPostCommandInterceptorsTxRequired();
            post = post == null ? new ArrayList<>() : new ArrayList<>(post);
            post.add(TaskGuardInterceptor.inside(guard::getObject));
            post.add(new HandedOnFields());
            if (requiresNew) {
                configuration.setCustomPreCommandInterceptorsTxRequiresNew(interceptors);
                configuration.setCustomPostCommandInterceptorsTxRequiresNew(post);
            } else {
                configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
                configuration.setCustomPostCommandInterceptorsTxRequired(post);
            }
        }
        java.util.List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new ContractParseListener(contracts));
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
