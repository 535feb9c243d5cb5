package cn.huiqi.process;

import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's Spring expression manager, with every diagram expression that calls a bean by name evaluated as that
 * call ({@link BeanCallExpression}); all others are JUEL as before. Installed before the engine adds its own functions.
 */
@Component
class BeanCallExpressions extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    BeanCallExpressions(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new Manager(context, configuration.getBeans()));
    }

    static final class Manager extends SpringExpressionManager {

        Manager(ApplicationContext context, Map<Object, Object> beans) {
            super(context, beans);
        }

        @Override
        public Expression createExpression(String text) {
            BeanCallExpression call = BeanCallExpression.of(text, applicationContext, () -> super.createExpression(text));
            return call != null && exposed(call.beanName()) ? call : super.createExpression(text);
        }

        /** Where the engine's beans are a chosen set ({@code configuration.setBeans}), only those, as JUEL would. */
        private boolean exposed(String beanName) {
            return beans == null || beans.containsKey(beanName);
        }
    }
}
