package cn.gov.xining.hotline.intake.outbox;

import java.nio.charset.StandardCharsets;

/**
 * A ticket as stored and as sent: its number (the record key) and the event exactly as written to
 * the database, so that what the relay sends is byte for byte what was stored.
 */
public record StoredTicket(String ticketNumber, String eventJson) {

  byte[] value() {
    return eventJson.getBytes(StandardCharsets.UTF_8);
  }
}
