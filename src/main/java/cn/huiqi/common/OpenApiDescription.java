package cn.huiqi.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The header of the OpenAPI document served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI huiqiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("惠企 Huiqi API").version("1")
                        .description("洪府办发〔2023〕81号 惠企政策兑现：企业申请、案件查询、公示异议。"
                                + " Applications, cases and objections for Nanchang's support measures."
                                + " Errors: {\"errors\":[{\"field\",\"zh\",\"en\"}]}."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
