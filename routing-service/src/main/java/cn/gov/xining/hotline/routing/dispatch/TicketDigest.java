package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.TicketReceived;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * What makes a received ticket the appeal its number was given to: when and by which channel it
 * arrived, what the citizen said and where. A re-sent ticket (intake's outbox, a redelivery) has
 * the same digest, whatever its event id; another appeal under a number already used has another.
 *
 * <p>Routing writes it as a header on each {@code routing-decisions} record, so the numbers read
 * back after a restart keep it. 64 bits of SHA-256, odd so that 0 and {@link #UNKNOWN} never occur:
 * a chance collision of two different appeals under one number is 1 in 2<sup>63</sup>.
 */
final class TicketDigest {

  /** The header on {@code routing-decisions} records, 16 hex digits. */
  static final String HEADER = "hotline-ticket-digest";

  /** A number decided without a digest (before routing recorded them): nothing to compare. */
  static final long UNKNOWN = 2L;

  private TicketDigest() {}

  static long of(TicketReceived ticket) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    // Each field length-prefixed, so ("ab", "c") and ("a", "bc") differ; -1 for absent.
    update(sha256, ticket.receivedAt() == null ? null : ticket.receivedAt().toInstant().toString());
    update(sha256, ticket.channel());
    update(sha256, ticket.content());
    update(sha256, ticket.address());
    return ByteBuffer.wrap(sha256.digest()).getLong() | 1L;
  }

  /** Whether a ticket with this digest is the one decided earlier under its number. */
  static boolean sameTicket(long earlier, long digest) {
    return earlier == UNKNOWN || earlier == digest;
  }

  static Header header(long digest) {
    return new RecordHeader(
        HEADER, HexFormat.of().toHexDigits(digest).getBytes(StandardCharsets.US_ASCII));
  }

  /** The digest a decision record carries, or {@link #UNKNOWN}. */
  static long from(Headers headers) {
    var header = headers.lastHeader(HEADER);
    if (header == null || header.value() == null || header.value().length != 16) {
      return UNKNOWN;
    }
    try {
      return HexFormat.fromHexDigitsToLong(new String(header.value(), StandardCharsets.US_ASCII))
          | 1L;
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  private static void update(MessageDigest sha256, String field) {
    if (field == null) {
      sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    sha256.update(bytes);
  }
}
