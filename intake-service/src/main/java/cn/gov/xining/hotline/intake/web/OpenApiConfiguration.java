package cn.gov.xining.hotline.intake.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The native API's description, served at /v3/api-docs with Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI intakeApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("12345 热线工单受理 (intake-service)")
                .version("1")
                .description(
                    "Operators and web channels post appeals here; each accepted ticket gets a"
                        + " number to read to the caller. Errors are RFC 9457 problem details."));
  }
}
