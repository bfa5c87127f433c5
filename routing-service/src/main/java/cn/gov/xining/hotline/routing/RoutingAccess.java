package cn.gov.xining.hotline.routing;

import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who reaches routing's endpoints (docs/security.md, "Roles"). */
@Configuration(proxyBeanMethods = false)
class RoutingAccess {

  @Bean
  EndpointAccess routingEndpoints() {
    return endpoints ->
        endpoints
            .requestMatchers("/api/routing/rules")
            .hasRole(HotlineRole.RULES_ADMIN.name())
            // Managers see on their dashboard how often the dispatchers correct the model.
            .requestMatchers(HttpMethod.GET, "/api/routing/model/corrections")
            .hasAnyRole(HotlineRole.RULES_ADMIN.name(), HotlineRole.MANAGER.name())
            .requestMatchers("/api/routing/model/**")
            .hasRole(HotlineRole.RULES_ADMIN.name())
            // Dispatchers try a complaint against the rules before they dispatch it by hand.
            .requestMatchers(HttpMethod.POST, "/api/routing/dry-run")
            .hasAnyRole(HotlineRole.RULES_ADMIN.name(), HotlineRole.DISPATCHER.name())
            .requestMatchers("/api/routing/triage", "/api/routing/triage/**")
            .hasRole(HotlineRole.DISPATCHER.name())
            .requestMatchers("/api/**")
            .denyAll();
  }
}
