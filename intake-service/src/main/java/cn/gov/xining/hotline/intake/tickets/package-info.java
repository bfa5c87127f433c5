/**
 * Receiving tickets: the REST API operators and web channels post to, validation against the
 * catalog with problem details (RFC 9457) naming every offending field, and publishing the accepted
 * ticket to {@code tickets-received} before the ticket number is given out.
 */
package cn.gov.xining.hotline.intake.tickets;
