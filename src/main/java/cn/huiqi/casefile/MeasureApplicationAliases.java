package cn.huiqi.casefile;

import java.util.Locale;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;

/**
 * Registers {@code POST /api/<id>/applications} (e.g. {@code /api/m1/applications}) for every measure of the
 * catalogue that takes applications, as an alias of {@code POST /api/measures/{id}/applications}: the paths
 * integrating systems used before the one submit path, without a controller per measure.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MeasureApplicationAliases implements SmartInitializingSingleton {

    private static final String PREFIX = "/api/";
    private static final String SUFFIX = "/applications";

    private final MeasureCatalogue catalogue;
    private final RequestMappingHandlerMapping mappings;
    private final MeasureApplicationController controller;

    MeasureApplicationAliases(MeasureCatalogue catalogue, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
                              MeasureApplicationController controller) {
        this.catalogue = catalogue;
        this.mappings = mappings;
        this.controller = controller;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            var method = MeasureApplicationController.class.getMethod("submitByAlias", String.class,
                    jakarta.servlet.http.HttpServletRequest.class);
            for (Measure measure : catalogue.all()) {
                if (measure.applicationProcess().isPresent()) {
                    RequestMappingInfo info = RequestMappingInfo.paths(pathOf(measure.id())).methods(RequestMethod.POST)
                            .options(mappings.getBuilderConfiguration()).build();
                    mappings.registerMapping(info, controller, method);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pathOf(String measureId) {
        return PREFIX + measureId.toLowerCase(Locale.ROOT) + SUFFIX;
    }

    /** The measure of an alias path ("/api/m1/applications" → "M1"). */
    static String measureOf(String path) {
        return path.substring(PREFIX.length(), path.length() - SUFFIX.length()).toUpperCase(Locale.ROOT);
    }
}
