package cn.gov.xining.hotline.intake;

import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who reaches intake's endpoints (docs/security.md, "Roles"). */
@Configuration(proxyBeanMethods = false)
class IntakeAccess {

  private static final String OPERATOR = HotlineRole.OPERATOR.name();
  private static final String GATEWAY = HotlineRole.GATEWAY.name();

  @Bean
  EndpointAccess intakeEndpoints() {
    return endpoints ->
        endpoints
            // The API's description and the catalog hold no personal data.
            .requestMatchers(
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/open311/v2/discovery.*", "/open311/v2/services.*")
            .permitAll()
            // Gateways post for their own channel (checked against the token's channel).
            .requestMatchers(HttpMethod.POST, "/api/tickets")
            .hasAnyRole(OPERATOR, GATEWAY)
            .requestMatchers(HttpMethod.POST, "/open311/v2/requests.*")
            .hasRole(GATEWAY)
            // Any other method too (HEAD tells whether a ticket exists, OPTIONS what is allowed).
            .requestMatchers("/open311/v2/requests.*", "/open311/v2/requests/*")
            .hasAnyRole(OPERATOR, GATEWAY)
            .requestMatchers("/api/tickets/*", "/api/callers/tickets")
            .hasRole(OPERATOR)
            // Whoever must call the citizen back; a unit only for a ticket it handles now.
            .requestMatchers(HttpMethod.GET, "/api/tickets/*/caller")
            .hasAnyRole(OPERATOR, HotlineRole.REVIEWER.name(), HotlineRole.UNIT.name())
            // Open311's other paths and methods answer in the specification's error format.
            .requestMatchers("/api/**")
            .denyAll();
  }
}
