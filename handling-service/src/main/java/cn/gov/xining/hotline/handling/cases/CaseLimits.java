package cn.gov.xining.hotline.handling.cases;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.ProgressKind;
import cn.gov.xining.hotline.contract.ProgressReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How far a client can make a case grow (docs/api.md, "Limits"). A case file is one record of the
 * {@code case-files} changelog: one larger than the broker takes fails the exactly-once transaction
 * and stops the stream thread on the same record at every restart, so everything a unit or the
 * hotline's staff can add is bounded here. A report or action over a field's limit breaks the
 * contract (REST {@code 400}, on Kafka its dead-letter topic); one that is fine in itself but that
 * the case can no longer take is refused like any other the case does not allow (REST {@code 409},
 * on Kafka a {@code REFUSED} event). Lengths are counted in UTF-16 units, as Java and H2 count
 * them, which is never fewer than PostgreSQL's characters.
 *
 * @param noteLength the longest {@code text} of a {@code NOTE}, and of a callback's {@code note}
 * @param statementLength the longest {@code text} of every other report (the result, why it is
 *     returned, why more time is needed) and {@code reason} of an action: what becomes a lifecycle
 *     event's {@code detail}, which stays within {@value #DETAIL_LENGTH} characters with it
 * @param nameLength the longest {@code by}
 * @param identifierLength the longest {@code ticketNumber} and {@code unit} on a record
 * @param notesPerCase how many notes a case holds
 * @param historyEntries how many history entries a case holds; what the hotline itself records
 *     (transfers, deadline warnings) is never refused, only what units and staff send
 * @param caseFileSize the largest a case file may grow by what units and staff send, as JSON; at
 *     most 768 KB, well under the changelog's 1 MB record limit, which leaves room for what the
 *     hotline itself records after it
 * @param recordSize the largest record read from any topic: a larger one is dead-lettered unread
 */
@ConfigurationProperties("hotline.handling.limits")
public record CaseLimits(
    @DefaultValue("2000") int noteLength,
    @DefaultValue("900") int statementLength,
    @DefaultValue("100") int nameLength,
    @DefaultValue("40") int identifierLength,
    @DefaultValue("50") int notesPerCase,
    @DefaultValue("300") int historyEntries,
    @DefaultValue("512KB") DataSize caseFileSize,
    @DefaultValue("256KB") DataSize recordSize) {

  /**
   * The longest {@code detail} of a lifecycle event that carries a statement: what a status detail
   * is kept in whole by its readers (intake keeps 4,000 characters since its V5 migration, and
   * 1,000 before it, which dead-lettered longer ones).
   */
  public static final int DETAIL_LENGTH = 1000;

  /**
   * Room a detail needs besides the report's text: the longest prefix is a return to the supervisor
   * ("已退回3次，转督办。退回原因：WRONG_DISTRICT，") or an extension with its date.
   */
  static final int DETAIL_PREFIX_ROOM = 100;

  /**
   * No case file is ever written larger than this, whatever caused it: Kafka's default record limit
   * (1 MB, {@code message.max.bytes}) less room for the key, headers and batch overhead.
   */
  public static final int CHANGELOG_CEILING = 960 * 1024;

  private static final DataSize MAX_CASE_FILE_SIZE = DataSize.ofKilobytes(768);

  public CaseLimits {
    // Refused at start-up: a limit that does not hold would be found by a citizen's lost update.
    if (noteLength < 1
        || statementLength < 1
        || nameLength < 1
        || identifierLength < 1
        || notesPerCase < 0
        || historyEntries < 1) {
      throw new IllegalArgumentException("hotline.handling.limits must be positive");
    }
    if (statementLength > DETAIL_LENGTH - DETAIL_PREFIX_ROOM) {
      throw new IllegalArgumentException(
          "statement-length must leave a lifecycle detail within %d characters: at most %d"
              .formatted(DETAIL_LENGTH, DETAIL_LENGTH - DETAIL_PREFIX_ROOM));
    }
    if (caseFileSize.compareTo(MAX_CASE_FILE_SIZE) > 0 || caseFileSize.toBytes() < 1024) {
      throw new IllegalArgumentException(
          "case-file-size must be from 1KB to 768KB, well under the changelog's 1 MB record limit: "
              + caseFileSize);
    }
    if (recordSize.toBytes() < 1024 || recordSize.toBytes() > CHANGELOG_CEILING / 2) {
      throw new IllegalArgumentException("record-size must be from 1KB to 480KB: " + recordSize);
    }
  }

  /** A limit a report or action would break, with the field it names. */
  public record Breach(String field, String message) {}

  /** What in this report is longer than its limit, field by field; empty if nothing. */
  public Map<String, String> breaches(ProgressReport report) {
    var found = new LinkedHashMap<String, String>();
    longest(found, "ticketNumber", report.ticketNumber(), identifierLength);
    longest(found, "unit", report.unit(), identifierLength);
    longest(found, "by", report.by(), nameLength);
    longest(
        found,
        "text",
        report.text(),
        report.kind() == ProgressKind.NOTE ? noteLength : statementLength);
    return found;
  }

  /** What in this action is longer than its limit, field by field; empty if nothing. */
  public Map<String, String> breaches(HotlineAction action) {
    var found = new LinkedHashMap<String, String>();
    longest(found, "ticketNumber", action.ticketNumber(), identifierLength);
    longest(found, "by", action.by(), nameLength);
    longest(found, "reason", action.reason(), statementLength);
    longest(found, "note", action.note(), noteLength);
    return found;
  }

  /** The case file as its changelog record holds it, in bytes. */
  public static int sizeOf(CaseFile file) {
    return EventJson.MAPPER.writeValueAsBytes(file).length;
  }

  private static void longest(Map<String, String> found, String field, String value, int max) {
    if (value != null && value.length() > max) {
      found.put(
          field,
          "不能超过%d个字符，现有%d个 (at most %d characters, %d given)"
              .formatted(max, value.length(), max, value.length()));
    }
  }
}
