package cn.gov.xining.hotline.security.input;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The connector side of {@link HttpLimits}. Runs after Spring Boot's own Tomcat customizer, so
 * these are the limits in force whatever {@code server.tomcat.*} says.
 */
class ServerLimits
    implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

  private final HttpLimits limits;

  ServerLimits(HttpLimits limits) {
    this.limits = limits;
  }

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    int maxBody = Math.toIntExact(limits.maxRequestSize().toBytes());
    factory.addConnectorCustomizers(
        connector -> {
          // Form posts (Open311) are parsed by Tomcat itself: the same limit, chunked or not.
          connector.setMaxPostSize(maxBody);
          if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            http.setConnectionTimeout(Math.toIntExact(limits.readTimeout().toMillis()));
            http.setKeepAliveTimeout(Math.toIntExact(limits.keepAliveTimeout().toMillis()));
            http.setMaxConnections(limits.maxConnections());
            http.setMaxHttpRequestHeaderSize(Math.toIntExact(limits.maxHeaderSize().toBytes()));
            // What Tomcat reads and throws away of a body nobody read (a refused request's).
            http.setMaxSwallowSize(maxBody);
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
