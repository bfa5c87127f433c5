package cn.gov.xining.hotline.security;

import cn.gov.xining.hotline.contract.AuditEntry;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Records on {@code audit-trail} every request that changes something (any method but GET, HEAD and
 * OPTIONS) and every read that shows personal data ({@link SecurityProperties#auditedReads()}),
 * allowed or refused, with its principal. It sits inside the security filter chain, so it sees the
 * principal and the 401 or 403 the chain answered.
 *
 * <p>Sent by a thread of its own, with idempotence and {@code acks=all}: the answer to the caller
 * never waits for the audit, not even while the broker is away (a producer's {@code send} can block
 * for {@code max.block.ms} then). An entry the broker does not take — or that finds 10,000 entries
 * already waiting — is written to the log at WARN, with the same fields, instead.
 */
final class AuditTrail extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final Pattern TICKET_NUMBER = Pattern.compile("\\d{6}-\\d{2}-\\d{4,}");

  private final String service;
  private final List<Pattern> auditedReads;
  private final Producer<String, String> producer;
  private final Clock clock;
  private final ThreadPoolExecutor sender =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(10_000),
          runnable -> {
            var thread = new Thread(runnable, "audit-trail-sender");
            thread.setDaemon(true);
            return thread;
          },
          (send, full) -> notRecorded(send.toString(), "10,000 entries waiting"));

  AuditTrail(
      String service, List<String> auditedReads, Producer<String, String> producer, Clock clock) {
    this.service = service;
    this.auditedReads =
        auditedReads.stream().map(AuditTrail::pathPattern).map(Pattern::compile).toList();
    this.producer = producer;
    this.clock = clock;
  }

  /** {@code /api/tickets/*} to a regular expression; {@code *} is one path segment. */
  private static String pathPattern(String antStyle) {
    return Pattern.quote(antStyle).replace("*", "\\E[^/]+\\Q");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (audited(request)) {
        record(request, response.getStatus());
      }
    }
  }

  private boolean audited(HttpServletRequest request) {
    String method = request.getMethod();
    String path = pathOf(request);
    if (path.startsWith("/actuator")) {
      return false;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
      return true;
    }
    return auditedReads.stream().anyMatch(read -> read.matcher(path).matches());
  }

  private void record(HttpServletRequest request, int status) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    String principal = "anonymous";
    List<String> roles = List.of();
    String unit = null;
    if (authentication instanceof JwtAuthenticationToken token) {
      var caller = Caller.of(token);
      principal = caller.name();
      roles = caller.roles().stream().map(Enum::name).sorted().toList();
      unit = caller.unit();
    }
    Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String path = pathOf(request);
    var entry =
        new AuditEntry(
            UUID.randomUUID(),
            HotlineTime.now(clock),
            service,
            principal,
            roles,
            unit,
            request.getMethod() + " " + (template != null ? template : path),
            target(path, request.getParameter("service_request_id")),
            status);
    String json = EventJson.MAPPER.writeValueAsString(entry);
    String key = principal;
    sender.execute(
        new Runnable() {
          @Override
          public void run() {
            try {
              producer.send(
                  new ProducerRecord<>(Topics.AUDIT_TRAIL, key, json),
                  (metadata, e) -> {
                    if (e != null) {
                      notRecorded(json, e.toString());
                    }
                  });
            } catch (RuntimeException e) { // no metadata within max.block.ms, a full buffer
              notRecorded(json, e.toString());
            }
          }

          @Override
          public String toString() {
            return json;
          }
        });
  }

  private static void notRecorded(String json, String why) {
    log.warn("audit entry not recorded on {}: {} ({})", Topics.AUDIT_TRAIL, json, why);
  }

  /** At shutdown: what is waiting is still sent, for five seconds at most. */
  @Override
  public void destroy() {
    sender.shutdown();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }

  /**
   * The path decoded, as the handler mappings and the security rules see it: {@code
   * /api/tickets/%32%36…} reads the same ticket as {@code /api/tickets/26…} and must be recorded
   * under its number.
   */
  private static String pathOf(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getLookupPathForRequest(request);
  }

  /** The ticket numbers asked for (in the path, or Open311's service_request_id), else the path. */
  private static String target(String path, String requestedIds) {
    var number = TICKET_NUMBER.matcher(path);
    if (number.find()) {
      return number.group();
    }
    return requestedIds != null && !requestedIds.isBlank() ? requestedIds.strip() : path;
  }
}
