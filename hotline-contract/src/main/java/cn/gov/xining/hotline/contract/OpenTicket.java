package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;

/**
 * A ticket still being handled, as intake knew it when it linked a new appeal to it as a repeat
 * (重复件): routing links the appeal only when it places it in the same topic, and handling keeps the
 * open ticket's own case as the truth about its unit and time limit.
 *
 * @param ticketNumber the open ticket
 * @param topicCode the topic routing placed it in
 * @param primaryUnit its lead unit
 * @param dueAt its 办理时限; null if intake did not know it
 */
public record OpenTicket(
    String ticketNumber, String topicCode, String primaryUnit, OffsetDateTime dueAt) {}
