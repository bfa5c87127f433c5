package cn.gov.xining.hotline.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One service's table of who reaches which endpoint. Anything it does not name needs a signed-in
 * caller of some role; health probes are open to all, the other actuator endpoints to {@code
 * OPERATIONS}.
 */
@FunctionalInterface
public interface EndpointAccess {

  void configure(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry endpoints);
}
