package cn.gov.xining.hotline.contract;

import java.time.OffsetDateTime;
import java.util.List;
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
 * @param callerPhoneMasked the caller's number with the middle digits hidden ({@code 138****5678});
 *     null for anonymous callers. The clear number stays in intake, encrypted.
 * @param callerPhoneHash a keyed hash of the number, the same for every call from it, so repeat
 *     callers can be recognised without the number; null for anonymous callers
 * @param latitude WGS-84 latitude of the place, if known
 * @param longitude WGS-84 longitude of the place, if known
 * @param answeredOnCall whether the operator answered the appeal on the call (直接办理)
 * @param answer what the operator answered, when answered on the call
 * @param batchLabel a batch the ticket belongs to, e.g. a central inspection batch; may be null
 * @param attachments links to photos or documents; possibly empty
 * @param receivedBy who took the appeal: the authenticated operator or channel gateway (the token's
 *     subject), never what a request body claims; null on tickets from before sign-in
 * @param repeatOf 重复件: the open ticket this appeal is about the same problem as, when intake linked
 *     it (same place, similar words, within the window; see docs/repeat-appeals.md); null
 *     otherwise. Routing then links rather than transfers it, unless it places it in another topic
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
    String topicCode,
    String callerPhoneMasked,
    String callerPhoneHash,
    Double latitude,
    Double longitude,
    boolean answeredOnCall,
    String answer,
    String batchLabel,
    List<String> attachments,
    String receivedBy,
    OpenTicket repeatOf) {

  public TicketReceived {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /**
   * The same ticket as if received at another time: for a deadline that starts again, e.g. when a
   * returned ticket goes to another unit.
   */
  public TicketReceived receivedAgainAt(OffsetDateTime time) {
    return new TicketReceived(
        eventId,
        ticketNumber,
        time,
        channel,
        appealType,
        content,
        address,
        districtCode,
        topicCode,
        callerPhoneMasked,
        callerPhoneHash,
        latitude,
        longitude,
        answeredOnCall,
        answer,
        batchLabel,
        attachments,
        receivedBy,
        repeatOf);
  }

  /** A ticket that repeats no open one. */
  public TicketReceived(
      UUID eventId,
      String ticketNumber,
      OffsetDateTime receivedAt,
      String channel,
      AppealType appealType,
      String content,
      String address,
      String districtCode,
      String topicCode,
      String callerPhoneMasked,
      String callerPhoneHash,
      Double latitude,
      Double longitude,
      boolean answeredOnCall,
      String answer,
      String batchLabel,
      List<String> attachments,
      String receivedBy) {
    this(
        eventId,
        ticketNumber,
        receivedAt,
        channel,
        appealType,
        content,
        address,
        districtCode,
        topicCode,
        callerPhoneMasked,
        callerPhoneHash,
        latitude,
        longitude,
        answeredOnCall,
        answer,
        batchLabel,
        attachments,
        receivedBy,
        null);
  }

  /** The same ticket, linked to the open ticket it repeats. */
  public TicketReceived repeating(OpenTicket openTicket) {
    return new TicketReceived(
        eventId,
        ticketNumber,
        receivedAt,
        channel,
        appealType,
        content,
        address,
        districtCode,
        topicCode,
        callerPhoneMasked,
        callerPhoneHash,
        latitude,
        longitude,
        answeredOnCall,
        answer,
        batchLabel,
        attachments,
        receivedBy,
        openTicket);
  }

  /** A ticket without the principal who took it, as events from before sign-in are. */
  public TicketReceived(
      UUID eventId,
      String ticketNumber,
      OffsetDateTime receivedAt,
      String channel,
      AppealType appealType,
      String content,
      String address,
      String districtCode,
      String topicCode,
      String callerPhoneMasked,
      String callerPhoneHash,
      Double latitude,
      Double longitude,
      boolean answeredOnCall,
      String answer,
      String batchLabel,
      List<String> attachments) {
    this(
        eventId,
        ticketNumber,
        receivedAt,
        channel,
        appealType,
        content,
        address,
        districtCode,
        topicCode,
        callerPhoneMasked,
        callerPhoneHash,
        latitude,
        longitude,
        answeredOnCall,
        answer,
        batchLabel,
        attachments,
        null);
  }

  /** A ticket with only the fields every channel has. */
  public TicketReceived(
      UUID eventId,
      String ticketNumber,
      OffsetDateTime receivedAt,
      String channel,
      AppealType appealType,
      String content,
      String address,
      String districtCode,
      String topicCode) {
    this(
        eventId,
        ticketNumber,
        receivedAt,
        channel,
        appealType,
        content,
        address,
        districtCode,
        topicCode,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        List.of(),
        null);
  }
}
