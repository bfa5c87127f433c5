package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One request recorded for the city's security officer (审计): who did what, when, and whether it was
 * allowed. Never the personal data itself: the path names a ticket by its number, the body is not
 * kept.
 *
 * @param eventId unique id of this entry
 * @param at when the request was answered, Asia/Shanghai
 * @param service the service that answered, e.g. {@code intake-service}
 * @param principal the token's subject, or {@code anonymous}
 * @param roles the principal's roles
 * @param unit the principal's unit, if any
 * @param action the method and path template, e.g. {@code POST /api/cases/{ticketNumber}/progress}
 * @param target what the request was about: a ticket number, or the path when it names none
 * @param status the HTTP status answered; 401 and 403 are refusals
 */
public record AuditEntry(
    UUID eventId,
    OffsetDateTime at,
    String service,
    String principal,
    List<String> roles,
    String unit,
    String action,
    String target,
    int status) {

  public AuditEntry {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
