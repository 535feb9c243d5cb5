package cn.huiqi.casefile;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;

/**
 * OpenAPI of {@code POST /api/measures/{id}/applications}: the body is one of the measures' request records
 * (oneOf, each named in the description with its measure), and {@code id} is one of the measures that take
 * applications — both generated from the catalogue and the {@link ApplicationType}s, never written by hand.
 */
@Component
class MeasureApplicationBodies implements OpenApiCustomizer {

    static final String PATH = "/api/measures/{id}/applications";

    private final MeasureCatalogue catalogue;
    private final ApplicationTypes types;

    MeasureApplicationBodies(MeasureCatalogue catalogue, ApplicationTypes types) {
        this.catalogue = catalogue;
        this.types = types;
    }

    @Override
    public void customise(OpenAPI openApi) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH);
        if (item == null || item.getPost() == null) {
            return;
        }
        Operation post = item.getPost();
        Schema<Object> oneOf = new Schema<>();
        StringBuilder which = new StringBuilder();
        StringSchema ids = new StringSchema();
        for (Measure measure : catalogue.withApplicationProcess()) {
            ApplicationType type = types.forMeasure(measure.id()).orElse(null);
            if (type == null) {
                continue;
            }
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(type.requestType());
            schemas.forEach((name, schema) -> {
                if (openApi.getComponents().getSchemas() == null || !openApi.getComponents().getSchemas().containsKey(name)) {
                    openApi.getComponents().addSchemas(name, schema);
                }
            });
            String name = type.requestType().getSimpleName();
            oneOf.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + name));
            ids.addEnumItem(measure.id());
            which.append(which.isEmpty() ? "" : "; ").append(measure.id()).append(" ").append(measure.name().zh())
                    .append(" / ").append(measure.name().en()).append(" → ").append(name);
        }
        post.requestBody(new RequestBody().required(true)
                .description("该措施的申请 / The measure's application: " + which)
                .content(new Content().addMediaType("application/json", new MediaType().schema(oneOf))));
        List<Parameter> parameters = post.getParameters() == null ? List.of() : post.getParameters();
        parameters.stream().filter(p -> "id".equals(p.getName()) && "path".equals(p.getIn())).forEach(p -> p
                .description("措施编号（受理申请的措施）/ The measure id (measures taking applications)").schema(ids));
    }
}
