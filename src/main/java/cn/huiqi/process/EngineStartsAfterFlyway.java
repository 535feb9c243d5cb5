package cn.huiqi.process;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Flyway creates Camunda's tables ({@link V0_1__Camunda_engine_schema}), so the engine is built after it. */
@Configuration(proxyBeanMethods = false)
class EngineStartsAfterFlyway {

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor processEngineDependsOnFlyway() {
        return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngineFactoryBean.class, "flywayInitializer") {
        };
    }
}
