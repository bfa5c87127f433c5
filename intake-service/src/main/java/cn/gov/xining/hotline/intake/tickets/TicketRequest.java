package cn.gov.xining.hotline.intake.tickets;

import java.util.List;

/**
 * What an operator or a web channel submits. Codes and times are kept as strings so a wrong one is
 * reported by field with what is allowed, rather than as unreadable JSON.
 *
 * @param channel catalog channel code (required)
 * @param appealType CONSULTATION, HELP, COMPLAINT, REPORT, SUGGESTION or PRAISE (optional)
 * @param content the appeal in the citizen's words (required, at most 4,000 characters)
 * @param address address text (optional)
 * @param districtCode GB/T 2260 district code (optional)
 * @param topicCode catalog topic code chosen by the operator (optional)
 * @param receivedAt when the appeal arrived, ISO-8601 with offset, if not now (e.g. a letter)
 * @param callerName the caller's name (optional); kept encrypted in intake only
 * @param callerPhone the caller's number (optional: anonymous callers exist); kept encrypted in
 *     intake only, events carry it masked
 * @param latitude WGS-84 latitude of the place (optional, with longitude)
 * @param longitude WGS-84 longitude of the place (optional, with latitude)
 * @param answeredOnCall whether the operator answered the appeal on the call (直接办理)
 * @param answer what the operator answered; required when answered on the call
 * @param batchLabel a batch the ticket belongs to, e.g. 第十一批 of a central inspection
 * @param attachments http(s) links to photos or documents, at most 10
 */
public record TicketRequest(
    String channel,
    String appealType,
    String content,
    String address,
    String districtCode,
    String topicCode,
    String receivedAt,
    String callerName,
    String callerPhone,
    Double latitude,
    Double longitude,
    Boolean answeredOnCall,
    String answer,
    String batchLabel,
    List<String> attachments) {

  /** A request with only the fields every channel has. */
  public TicketRequest(
      String channel,
      String appealType,
      String content,
      String address,
      String districtCode,
      String topicCode) {
    this(
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
        null,
        null,
        null,
        null,
        null);
  }

  boolean isAnsweredOnCall() {
    return Boolean.TRUE.equals(answeredOnCall);
  }
}
