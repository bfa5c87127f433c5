package cn.gov.xining.hotline.handling.cases;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What one case tells another about a repeat appeal (重复件): handling's own message, keyed by the
 * ticket it is for, never read outside handling (so no contract record and no schema). The appeal
 * and the case it joins may be owned by different stream tasks, and only the owner of a case file
 * may change it.
 *
 * @param eventId derived from its cause, so the same cause gives the same message
 * @param ticketNumber the case it is for; also the record key
 * @param from the other case: the appeal for an {@link Kind#APPEAL}, the joined case otherwise
 * @param at when what caused it happened
 * @param detail for an appeal, the beginning of what the citizen said (also echoed back when the
 *     case is not in handling), for a result, the result; may be null
 * @param hops how often an appeal was passed on (to the case that the case it named joined itself):
 *     bounds a loop of cases linked to each other
 */
public record CaseLink(
    UUID eventId,
    String ticketNumber,
    Kind kind,
    String from,
    OffsetDateTime at,
    String detail,
    int hops) {

  /** What the message says. */
  public enum Kind {
    /** To the open case: this appeal joins you. */
    APPEAL,
    /** Back to the appeal: the case it named has no case file here; it is handled on its own. */
    NOT_IN_HANDLING,
    /** To the appeal: the case it joined was approved, with this result. */
    RESULT
  }

  /** How many characters of an appeal its case's lead unit sees with the link. */
  static final int EXCERPT_LENGTH = 100;

  static CaseLink of(
      Kind kind, String to, String from, UUID cause, OffsetDateTime at, String detail, int hops) {
    String seed = to + "/link/" + kind + "/" + from + "/" + cause;
    return new CaseLink(
        UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)),
        to,
        kind,
        from,
        at,
        detail,
        hops);
  }

  /** The beginning of what a citizen said, as a unit reads it with the link; null if unknown. */
  public static String excerpt(String content) {
    if (content == null || content.isBlank()) {
      return null;
    }
    String text = content.strip();
    return text.codePointCount(0, text.length()) <= EXCERPT_LENGTH
        ? text
        : text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
  }
}
