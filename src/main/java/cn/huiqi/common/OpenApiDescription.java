package cn.huiqi.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The header of the OpenAPI document served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    /**
     * How Swagger UI's "Authorize" signs calls: HTTP Basic with the quick start's accounts, or in profile keycloak
     * (where Basic is refused) a Keycloak access token of realm huiqi for the audience huiqi-api.
     */
    @Bean
    OpenAPI huiqiOpenApi(Environment environment) {
        boolean keycloak = environment.acceptsProfiles(Profiles.of("keycloak"));
        SecurityScheme scheme = keycloak
                ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Keycloak 访问令牌（realm huiqi，受众 huiqi-api）/ a Keycloak access token of realm huiqi for huiqi-api")
                : new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic");
        String name = keycloak ? "bearer" : "basic";
        return new OpenAPI()
                .info(new Info().title("惠企 Huiqi API").version("1")
                        .description("洪府办发〔2023〕81号 惠企政策兑现：企业申请、案件查询、公示异议。"
                                + " Applications, cases and objections for Nanchang's support measures."
                                + " Errors: {\"errors\":[{\"field\",\"zh\",\"en\"}]}."))
                .components(new Components().addSecuritySchemes(name, scheme))
                .addSecurityItem(new SecurityRequirement().addList(name));
    }
}
