package cn.gov.xining.hotline.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Boot's two filter chains for an authorization server (the protocol's endpoints, then the
 * login page), with two additions: browser applications served by the services (the dashboard,
 * Swagger UI) may call the token endpoint from their own origin (CORS), and the health probe is
 * open.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) {
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(withDefaults());
        });
    http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
    http.cors(withDefaults());
    var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    http.exceptionHandling(
        exceptions ->
            exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), html));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signInPage(HttpSecurity http) {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(withDefaults());
    return http.build();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
    var cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(properties.browserOrigins());
    cors.setAllowedMethods(List.of("GET", "POST"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
