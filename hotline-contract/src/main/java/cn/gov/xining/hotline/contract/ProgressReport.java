package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A unit's report on a ticket assigned to it, on {@link Topics#TICKET_PROGRESS}, keyed by ticket
 * number. Any system that can write JSON can send it (schema {@code ProgressReport.schema.json});
 * units without a Kafka client use the REST equivalent.
 *
 * @param eventId chosen by the unit, unique per report: a report sent twice changes nothing
 * @param ticketNumber the ticket; also the record key
 * @param unit the reporting unit's catalog code
 * @param kind what is reported
 * @param at when it happened, as the unit says; the hotline judges a report (the 17:00 cut-off for
 *     extensions) and records it at the time it reached the hotline, not this one
 * @param by who at the unit (签收人, 经办人)
 * @param returnReason for {@code RETURNED}
 * @param text the note, the result ({@code RESOLVED}), or the reason for an extension (required)
 * @param requestedDueAt for {@code EXTENSION_REQUESTED}: the time limit asked for
 */
public record ProgressReport(
    UUID eventId,
    String ticketNumber,
    String unit,
    ProgressKind kind,
    OffsetDateTime at,
    String by,
    ReturnReason returnReason,
    String text,
    OffsetDateTime requestedDueAt) {

  /**
   * What this report lacks that the contract requires, field by field, with the reason in Chinese
   * and English: the rules of {@code ProgressReport.schema.json}, checked by the REST API (a 400)
   * and by the handling processor (the dead-letter topic). Empty when the report is complete.
   */
  public Map<String, String> violations() {
    var found = new LinkedHashMap<String, String>();
    if (eventId == null) {
      found.put("eventId", "须有事件编号，重发时沿用 (eventId is required; a retry sends the same one)");
    }
    if (blank(ticketNumber)) {
      found.put("ticketNumber", "须有工单编号 (ticketNumber is required)");
    }
    if (blank(unit)) {
      found.put("unit", "须有单位代码 (unit is required)");
    }
    if (kind == null) {
      found.put(
          "kind",
          "须为 ACCEPTED, RETURNED, EXTENSION_REQUESTED, NOTE, RESOLVED 之一 (kind is required)");
    }
    if (at == null) {
      found.put("at", "须有时间 (at is required)");
    }
    if (kind == ProgressKind.ACCEPTED && blank(by)) {
      found.put("by", "签收须写明签收人 (who signed for it)");
    }
    if (kind == ProgressKind.RETURNED && returnReason == null) {
      found.put("returnReason", "退回须说明原因 (NOT_OUR_DUTY, WRONG_DISTRICT, DUPLICATE)");
    }
    if (kind == ProgressKind.EXTENSION_REQUESTED && requestedDueAt == null) {
      found.put("requestedDueAt", "延期须给出新的时限 (the time limit asked for)");
    }
    if (kind == ProgressKind.EXTENSION_REQUESTED && blank(text)) {
      found.put("text", "延期须说明理由 (why more time is needed)");
    }
    if (kind == ProgressKind.RESOLVED && blank(text)) {
      found.put("text", "办结须写明办理结果 (the result)");
    }
    return found;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
