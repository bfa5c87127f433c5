package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A decision of the hotline's own staff on a ticket in handling, on {@link Topics#HOTLINE_ACTIONS},
 * keyed by ticket number. Written by handling-service's REST API.
 *
 * @param eventId unique per action: an action sent twice changes nothing
 * @param kind what was decided
 * @param by the staff member
 * @param reason why a result is sent back or an extension refused
 * @param reached for a callback: whether the citizen was reached
 * @param solved for a callback: whether the citizen says the problem was solved
 * @param satisfaction for a callback that reached the citizen
 * @param note anything else the staff member wrote down
 */
public record HotlineAction(
    UUID eventId,
    String ticketNumber,
    HotlineActionKind kind,
    OffsetDateTime at,
    String by,
    String reason,
    Boolean reached,
    Boolean solved,
    Satisfaction satisfaction,
    String note) {

  /**
   * What this action lacks that the contract requires, field by field, with the reason in Chinese
   * and English: the rules of {@code HotlineAction.schema.json}. Empty when the action is complete.
   */
  public Map<String, String> violations() {
    var found = new LinkedHashMap<String, String>();
    if (eventId == null) {
      found.put("eventId", "须有事件编号 (eventId is required)");
    }
    if (ticketNumber == null || ticketNumber.isBlank()) {
      found.put("ticketNumber", "须有工单编号 (ticketNumber is required)");
    }
    if (kind == null) {
      found.put(
          "kind",
          "须为 EXTENSION_GRANTED, EXTENSION_REFUSED, REVIEW_APPROVED, REVIEW_SENT_BACK, CALLBACK 之一"
              + " (kind is required)");
    }
    if (at == null) {
      found.put("at", "须有时间 (at is required)");
    }
    if (kind == HotlineActionKind.REVIEW_SENT_BACK && (reason == null || reason.isBlank())) {
      found.put("reason", "退回重办须说明原因 (why)");
    }
    if (kind == HotlineActionKind.EXTENSION_REFUSED && (reason == null || reason.isBlank())) {
      found.put("reason", "不同意延期须说明原因 (why)");
    }
    if (kind == HotlineActionKind.CALLBACK && reached == null) {
      found.put("reached", "回访须说明是否接通 (whether the citizen was reached)");
    }
    if (kind == HotlineActionKind.CALLBACK
        && Boolean.TRUE.equals(reached)
        && satisfaction == null) {
      found.put("satisfaction", "接通的回访须记录满意度 (SATISFIED, BASICALLY_SATISFIED, NOT_SATISFIED)");
    }
    if (by == null || by.isBlank()) {
      found.put("by", "须写明经办人 (the staff member)");
    }
    return found;
  }
}
