package cn.huiqi.process;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the process engine's DMN engine FEEL-only ({@link FeelOnlyDmn}), so every DMN that reaches the
 * engine passes the check at deploy time, whatever its path: {@link ModelDeployment}, the rules page,
 * {@code /engine-rest/deployment/create}, the Camunda Modeler, and a deployed table the engine parses again
 * after a restart. The engine refuses to start if its DMN configuration was changed back afterwards
 * (e.g. {@code dmnFeelEnableLegacyBehavior=true}).
 */
@Component
class FeelOnlyDmnPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        FeelOnlyDmn.configure(dmn);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (configuration.isDmnFeelEnableLegacyBehavior() || dmn == null || !FeelOnlyDmn.isConfigured(dmn)) {
            throw new IllegalStateException("The DMN engine must evaluate FEEL only (dmnFeelEnableLegacyBehavior=false, "
                    + "FEEL defaults, the FEEL-only transform listener): refusing to start");
        }
    }
}
