package cn.huiqi.identity;

import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security puts Spring MVC's {@code HandlerMappingIntrospector} cache filter in front of its filter chain
 * whenever Spring MVC is present: it looks up the MVC handler of <em>every</em> request before security runs, for
 * {@code MvcRequestMatcher}s and CORS by handler. Huiqi uses neither: its chains match by
 * {@code PathPatternRequestMatcher} and it configures no CORS, and most of its requests go to /engine-rest (the
 * Jersey servlet), for which MVC has no handler, so the lookup scanned every MVC mapping of the app and found
 * nothing — about 2 % of a request thread's CPU in the lifecycle benchmark (docs/performance.md, "Tenth pass").
 * This puts Spring Security's own filter chain back as {@code springSecurityFilterChain}, without the lookup.
 * Should anything start asking the introspector later, Spring MVC logs a "Cache miss" warning and looks it up then.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class NoHandlerLookupBeforeSecurity {

    static final String CHAIN = "springSecurityFilterChain";
    static final String COMPOSITE = "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Bean
    static BeanFactoryPostProcessor securityChainWithoutHandlerLookup() {
        return NoHandlerLookupBeforeSecurity::unwrap;
    }

    static void unwrap(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        if (!COMPOSITE.equals(chain.getBeanClassName())) {
            return;
        }
        // the composite's one (indexed) argument: [the introspector's cache filter, Spring Security's own chain]
        ConstructorArgumentValues.ValueHolder filters = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(1) instanceof BeanDefinition securityChain) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, securityChain);
        }
    }
}
