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
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records on {@code audit-trail} every request that changes something (any method but GET, HEAD and
 * OPTIONS) and every read that shows personal data ({@link SecurityProperties#auditedReads()}),
 * allowed or refused, with its principal. It sits inside the security filter chain, so it sees the
 * principal and the 401 or 403 the chain answered.
 *
 * <p>Sent without waiting, with idempotence and {@code acks=all}: the answer to the caller does not
 * wait for the audit, and a broker that is down costs the entries of that time, which are logged
 * (at WARN, with the same fields) instead.
 */
final class AuditTrail extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final Pattern TICKET_NUMBER = Pattern.compile("\\d{6}-\\d{2}-\\d{4,}");

  private final String service;
  private final List<Pattern> auditedReads;
  private final Producer<String, String> producer;
  private final Clock clock;

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
    String path = request.getRequestURI();
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
    String path = request.getRequestURI();
    var entry =
        new AuditEntry(
            UUID.randomUUID(),
            HotlineTime.now(clock),
            service,
            principal,
            roles,
            unit,
            request.getMethod() + " " + (template != null ? template : path),
            target(path),
            status);
    String json = EventJson.MAPPER.writeValueAsString(entry);
    try {
      producer.send(
          new ProducerRecord<>(Topics.AUDIT_TRAIL, principal, json),
          (metadata, e) -> {
            if (e != null) {
              log.warn(
                  "audit entry not recorded on {}: {} ({})",
                  Topics.AUDIT_TRAIL,
                  json,
                  e.toString());
            }
          });
    } catch (RuntimeException e) { // a full buffer or no metadata within max.block.ms
      log.warn("audit entry not recorded on {}: {} ({})", Topics.AUDIT_TRAIL, json, e.toString());
    }
  }

  private static String target(String path) {
    var number = TICKET_NUMBER.matcher(path);
    return number.find() ? number.group() : path;
  }
}
