package cn.gov.xining.hotline.intake.repeats;

import java.time.OffsetDateTime;

/**
 * What the operator is told when the appeal is about a problem a unit is already handling: the open
 * ticket, who handles it and by when. {@code confirmed} is whether the operator's own topic settled
 * it; without a topic, routing links the appeal only if it places it in the same one.
 *
 * @param ticketNumber the open ticket
 * @param unit its lead unit's code
 * @param unitName its lead unit's name
 * @param dueAt its 办理时限, if known
 * @param status where it is, in the operator's words (办理中)
 * @param confirmed whether the topic is known to be the same
 * @param message what to tell the caller, in Chinese
 */
public record SameProblem(
    String ticketNumber,
    String unit,
    String unitName,
    OffsetDateTime dueAt,
    String status,
    boolean confirmed,
    String message) {}
