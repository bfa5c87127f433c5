package cn.gov.xining.hotline.intake.web;

import cn.gov.xining.hotline.security.Refusals;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Limits how fast each client may submit tickets (Resilience4j), answering 429 with {@code
 * Retry-After}: one runaway web gateway must not crowd out the operators. A client is the
 * authenticated principal of the request (an operator or a channel gateway, from its token), never
 * something the request says of itself; so there are as many limiters as accounts, which bounds
 * their memory. Submissions are the native API's and Open311's together: a client gains nothing by
 * switching. This filter runs after the security chain, which has refused unsigned requests.
 */
@Component
class ClientRateLimit extends OncePerRequestFilter {

  /**
   * @param ticketsPerPeriod how many ticket submissions one client may make per period
   * @param period the period
   */
  @ConfigurationProperties("hotline.intake.rate-limit")
  record Properties(
      @DefaultValue("50") int ticketsPerPeriod, @DefaultValue("1s") Duration period) {}

  private final RateLimiterRegistry limiters;
  private final Properties properties;
  private final MeterRegistry meters;
  private final Refusals refusals;

  ClientRateLimit(Properties properties, MeterRegistry meters, Refusals refusals) {
    this.properties = properties;
    this.meters = meters;
    this.refusals = refusals;
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(properties.ticketsPerPeriod())
                .limitRefreshPeriod(properties.period())
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Decoded, as the handler mappings and the security rules see it: /%61pi/tickets is
    // /api/tickets to them, so it must be to the limit too.
    String path = UrlPathHelper.defaultInstance.getLookupPathForRequest(request);
    return !("POST".equals(request.getMethod())
        && (path.startsWith("/api/tickets") || path.startsWith("/open311/")));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var principal = SecurityContextHolder.getContext().getAuthentication();
    String client =
        principal == null || !principal.isAuthenticated()
            ? "address:" + request.getRemoteAddr()
            : principal.getName();
    if (limiters.rateLimiter(client).acquirePermission()) {
      chain.doFilter(request, response);
      return;
    }
    meters.counter("hotline.intake.rate.limited").increment();
    long retryAfter = Math.max(1, (properties.period().toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    refusals.write(
        request,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "too-many-requests",
        "提交过于频繁 (Too many requests)",
        "提交过于频繁，请%d秒后重试 (too many tickets from this client; retry after %d s)"
            .formatted(retryAfter, retryAfter));
  }
}
