package cn.gov.xining.hotline.intake.tickets;

/**
 * What an operator or a web channel submits. Codes are kept as strings so a wrong one is reported
 * by field with the allowed values, rather than as unreadable JSON.
 *
 * @param channel catalog channel code (required)
 * @param appealType CONSULTATION, HELP, COMPLAINT, REPORT, SUGGESTION or PRAISE (optional)
 * @param content the appeal in the citizen's words (required, at most 4,000 characters)
 * @param address address text (optional)
 * @param districtCode GB/T 2260 district code (optional)
 * @param topicCode catalog topic code chosen by the operator (optional)
 */
public record TicketRequest(
    String channel,
    String appealType,
    String content,
    String address,
    String districtCode,
    String topicCode) {}
