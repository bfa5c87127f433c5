package cn.gov.xining.hotline.handling;

import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who reaches handling's endpoints (docs/security.md, "Roles"). Which case a unit may read or
 * report on is decided per case by the controller: only those it handles now. Reviewers read every
 * case, managers every single case (from the dashboard), never the lists.
 */
@Configuration(proxyBeanMethods = false)
class HandlingAccess {

  @Bean
  EndpointAccess handlingEndpoints() {
    return endpoints ->
        endpoints
            .requestMatchers(HttpMethod.GET, "/api/cases")
            .hasAnyRole(HotlineRole.REVIEWER.name(), HotlineRole.UNIT.name())
            // A manager opens one case from the dashboard's overdue lists: read only, audited.
            .requestMatchers(HttpMethod.GET, "/api/cases/*")
            .hasAnyRole(
                HotlineRole.REVIEWER.name(), HotlineRole.UNIT.name(), HotlineRole.MANAGER.name())
            .requestMatchers(HttpMethod.POST, "/api/cases/*/progress")
            .hasRole(HotlineRole.UNIT.name())
            .requestMatchers(HttpMethod.POST, "/api/cases/*/actions")
            .hasRole(HotlineRole.REVIEWER.name())
            .requestMatchers("/api/**")
            .denyAll();
  }
}
