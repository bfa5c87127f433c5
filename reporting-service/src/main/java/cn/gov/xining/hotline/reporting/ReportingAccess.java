package cn.gov.xining.hotline.reporting;

import cn.gov.xining.hotline.contract.HotlineRole;
import cn.gov.xining.hotline.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who reaches reporting's endpoints (README, "Security"). The dashboard's page, its sign-in
 * settings and the chart library it loads ({@code /webjars/**}) are open: the page shows nothing
 * until the manager has signed in and its requests carry her token.
 */
@Configuration(proxyBeanMethods = false)
class ReportingAccess {

  @Bean
  EndpointAccess reportingEndpoints() {
    return endpoints ->
        endpoints
            .requestMatchers(
                HttpMethod.GET, "/", "/dashboard.html", "/dashboard/sign-in.json", "/webjars/**")
            .permitAll()
            .requestMatchers("/api/reports", "/api/reports/**")
            .hasRole(HotlineRole.MANAGER.name())
            .requestMatchers("/api/audit", "/api/audit/**")
            .hasRole(HotlineRole.AUDITOR.name())
            .requestMatchers("/api/**")
            .denyAll();
  }
}
