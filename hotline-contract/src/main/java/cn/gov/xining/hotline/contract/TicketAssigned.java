package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A ticket was transferred (转交) to a unit. Published on that unit's own topic, {@link
 * Topics#assignmentsOf(String)}, so each department consumes only its own work.
 *
 * @param eventId derived from ticket number and unit, so a repeat is recognisable
 * @param ticketNumber the ticket; also the record key
 * @param unit the unit this assignment is for
 * @param role whether the unit leads or assists
 * @param primaryUnit the lead unit, so an assisting unit knows whom to work with
 * @param assistingUnits all assisting units
 * @param topicCode the catalog topic
 * @param districtCode the district the appeal is located in; may be null
 * @param channel how the appeal reached the hotline
 * @param appealType what kind of appeal; may be null
 * @param content the appeal in the citizen's words
 * @param address address text; may be null
 * @param receivedAt when the hotline received the appeal
 * @param assignedAt when routing assigned it
 * @param dueAt 办理时限: when handling must be finished
 * @param priority how urgent the handling is
 */
public record TicketAssigned(
    UUID eventId,
    String ticketNumber,
    String unit,
    AssignmentRole role,
    String primaryUnit,
    List<String> assistingUnits,
    String topicCode,
    String districtCode,
    String channel,
    AppealType appealType,
    String content,
    String address,
    OffsetDateTime receivedAt,
    OffsetDateTime assignedAt,
    OffsetDateTime dueAt,
    Priority priority) {

  public TicketAssigned {
    assistingUnits = assistingUnits == null ? List.of() : List.copyOf(assistingUnits);
    priority = priority == null ? Priority.NORMAL : priority;
  }
}
