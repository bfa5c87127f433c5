package cn.gov.xining.hotline.handling.api;

import cn.gov.xining.hotline.contract.ProgressKind;
import cn.gov.xining.hotline.contract.ReturnReason;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit's report over REST; the same fields as the {@code ProgressReport} event, so a unit's
 * system may send the event as it would on Kafka ({@code ticketNumber}, if given, must be the
 * path's). {@code eventId} is optional (a retry should send the one of the first attempt); {@code
 * at}, the unit's own time, defaults to now and decides nothing: the report is judged at the time
 * it arrives.
 */
public record ProgressRequest(
    UUID eventId,
    String ticketNumber,
    String unit,
    ProgressKind kind,
    OffsetDateTime at,
    String by,
    ReturnReason returnReason,
    String text,
    OffsetDateTime requestedDueAt) {}
