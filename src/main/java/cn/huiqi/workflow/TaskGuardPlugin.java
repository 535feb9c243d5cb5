package cn.huiqi.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import cn.huiqi.process.EngineLists;

/**
 * Puts the task contracts into the engine: the guard on every command ({@link TaskGuardInterceptor}), the
 * handed-on fields of a completion ({@link HandedOnFields}) and the deployment check ({@link ContractParseListener}).
 */
@Component
class TaskGuardPlugin extends AbstractProcessEnginePlugin {

    private final SingletonSupplier<StepGuard> guard;
    private final TaskContracts contracts;

    TaskGuardPlugin(ObjectProvider<StepGuard> guard, TaskContracts contracts) {
        this.guard = SingletonSupplier.of(guard::getObject);
        this.contracts = contracts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // both command chains: commands that join a transaction and those that run in one of their own
        EngineLists.add(configuration.getCustomPreCommandInterceptorsTxRequired(), TaskGuardInterceptor.outside(configuration),
                configuration::setCustomPreCommandInterceptorsTxRequired);
        EngineLists.add(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), TaskGuardInterceptor.outside(configuration),
                configuration::setCustomPreCommandInterceptorsTxRequiresNew);
        // inside the command's context, in this order: the guard's check, then the handed-on fields
        EngineLists.add(configuration.getCustomPostCommandInterceptorsTxRequired(), TaskGuardInterceptor.inside(guard),
                configuration::setCustomPostCommandInterceptorsTxRequired);
        EngineLists.add(configuration.getCustomPostCommandInterceptorsTxRequired(), new HandedOnFields(),
                configuration::setCustomPostCommandInterceptorsTxRequired);
        EngineLists.add(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), TaskGuardInterceptor.inside(guard),
                configuration::setCustomPostCommandInterceptorsTxRequiresNew);
        EngineLists.add(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new HandedOnFields(),
                configuration::setCustomPostCommandInterceptorsTxRequiresNew);
        EngineLists.add(configuration.getCustomPreBPMNParseListeners(), new ContractParseListener(contracts),
                configuration::setCustomPreBPMNParseListeners);
    }
}
