package cn.gov.xining.hotline.intake.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The native API's description, served at /v3/api-docs with Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  private static final String PROBLEM = "Problem";

  /**
   * What {@code POST /api/tickets} can answer besides 201. Most come from exception handlers and
   * filters that springdoc cannot see, so they are listed here.
   */
  private static final Map<String, String> TICKET_PROBLEMS =
      new TreeMap<>(
          Map.of(
              "400",
              "工单内容不合格 (invalid-ticket: errors[] names every field), a field of the wrong JSON"
                  + " type (invalid-request, errors[]), malformed JSON (malformed-json), or an"
                  + " empty or over-long Idempotency-Key (invalid-idempotency-key)",
              "401",
              "No valid bearer token (unauthenticated)",
              "403",
              "The token's role may not post tickets, or a gateway posts for another channel"
                  + " (forbidden)",
              "409",
              "A request with this Idempotency-Key is still being processed (request-in-progress)",
              "413",
              "The body is larger than hotline.http.max-request-size (request-too-large)",
              "415",
              "The body is not application/json (unsupported-media-type)",
              "422",
              "The Idempotency-Key was used before with another request (idempotency-key-reused)",
              "429",
              "This client submits too fast; see Retry-After (too-many-requests)",
              "503",
              "intake's database is unavailable; nothing was accepted, retry after Retry-After"
                  + " (store-unavailable)"));

  /**
   * Every endpoint but the catalog's needs a bearer token; Swagger UI signs in at the identity
   * provider (authorization code with PKCE, client {@code swagger-ui}).
   */
  @Bean
  OpenAPI intakeApi(@Value("${hotline.issuer}") String issuer) {
    var bearer =
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("An access token of the hotline's identity provider (docs/security.md)");
    var signIn =
        new SecurityScheme()
            .type(SecurityScheme.Type.OAUTH2)
            .flows(
                new OAuthFlows()
                    .authorizationCode(
                        new OAuthFlow()
                            .authorizationUrl(issuer + "/oauth2/authorize")
                            .tokenUrl(issuer + "/oauth2/token")
                            .scopes(new Scopes().addString("openid", "sign in"))));
    return new OpenAPI()
        .components(
            new Components()
                .addSecuritySchemes("bearer", bearer)
                .addSecuritySchemes("signIn", signIn))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("signIn"))
        .info(
            new Info()
                .title("12345 热线工单受理 (intake-service)")
                .version("1")
                .description(
                    "Operators and web channels post appeals here; each accepted ticket gets a"
                        + " number to read to the caller. Errors are RFC 9457 problem details."));
  }

  @Bean
  OpenApiCustomizer ticketProblemResponses() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      var path = api.getPaths() == null ? null : api.getPaths().get("/api/tickets");
      if (path == null || path.getPost() == null) {
        return;
      }
      var problem =
          new Content()
              .addMediaType(
                  org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
      TICKET_PROBLEMS.forEach(
          (status, description) ->
              path.getPost()
                  .getResponses()
                  .addApiResponse(
                      status, new ApiResponse().description(description).content(problem)));
    };
  }

  /** RFC 9457 problem details, with intake's list of offending fields. */
  private static Schema<?> problemSchema() {
    var violation =
        new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema().description("Chinese, then English"))
            .addProperty(
                "allowed",
                new ArraySchema()
                    .items(new StringSchema())
                    .description("the valid codes, when the field takes a code"));
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty(
            "type",
            new StringSchema().example("https://hotline.xining.gov.cn/problems/invalid-ticket"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(violation));
  }
}
