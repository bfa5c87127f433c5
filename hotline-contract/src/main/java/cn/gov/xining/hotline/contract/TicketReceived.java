package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An appeal was accepted by intake and given a ticket number (工单编号). Consumers treat a repeated
 * ticket number as the same ticket.
 *
 * @param eventId unique id of this event
 * @param ticketNumber the number read to the caller; also the record key
 * @param receivedAt when the hotline received the appeal, with the Asia/Shanghai offset
 * @param channel catalog channel code, e.g. {@code hotline-phone}
 * @param appealType what kind of appeal; may be null when the operator did not say
 * @param content the appeal in the citizen's words
 * @param address address text as given; may be null
 * @param districtCode GB/T 2260 district code when known; may be null
 * @param topicCode catalog topic code the operator chose; may be null
 */
public record TicketReceived(
    UUID eventId,
    String ticketNumber,
    OffsetDateTime receivedAt,
    String channel,
    AppealType appealType,
    String content,
    String address,
    String districtCode,
    String topicCode) {}
