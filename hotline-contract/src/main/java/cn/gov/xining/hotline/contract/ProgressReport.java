package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
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
 * @param at when it happened at the unit
 * @param by who at the unit (签收人, 经办人)
 * @param returnReason for {@code RETURNED}
 * @param text the note, the result ({@code RESOLVED}), or the reason for an extension
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
    OffsetDateTime requestedDueAt) {}
