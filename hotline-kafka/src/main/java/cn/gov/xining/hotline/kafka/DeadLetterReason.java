package cn.gov.xining.hotline.kafka;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import tools.jackson.core.JacksonException;

/**
 * Why a record was dead-lettered, as the {@code kafka_dlt-exception-message} header says it. Spring
 * Kafka writes the failure's own message there, which for a record the JSON reader refused is only
 * "Can't deserialize data from topic [ticket-progress]": the field and what was wrong with it are
 * in a cause it does not look into. This names the root cause, and the field where the reader knows
 * it, for whoever reads the dead letters (operations, a department fixing its client). The headers
 * are bounded, so a dead letter stays within the broker's record limit whatever the failure says.
 */
public final class DeadLetterReason {

  /** The longest reason written: enough for a field, its value and what was wrong. */
  static final int MAX_REASON_CHARS = 2_000;

  /** The stack trace header, cut here: the cause chain's first lines are what says anything. */
  static final int MAX_STACKTRACE_CHARS = 8_000;

  /** Deep enough for any wrapping seen in practice, and no loop on a cyclic cause chain. */
  private static final int MAX_CAUSES = 16;

  private DeadLetterReason() {}

  /**
   * The reason in words: for a record the JSON reader refused, the field's path and the reader's
   * own account of what was wrong (at which line and column, when it was not JSON at all);
   * otherwise the failure's message and, when another exception caused it, the root cause's.
   */
  public static String of(Throwable failure) {
    JacksonException json = null;
    Throwable root = failure;
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause()) {
      if (json == null && cause instanceof JacksonException jackson) {
        json = jackson;
      }
      root = cause;
      depth++;
    }
    String reason;
    if (json != null) {
      reason = describe(json);
    } else if (root != failure && root.getMessage() != null) {
      reason =
          failure.getMessage() + "; " + root.getClass().getSimpleName() + ": " + root.getMessage();
    } else {
      reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
    }
    return cut(reason, MAX_REASON_CHARS);
  }

  /**
   * Spring Kafka's exception headers (class, root cause class, message, stack trace) with {@link
   * #of the reason} as the message and the stack trace cut to a bounded length: a {@link
   * DeadLetterPublishingRecoverer.ExceptionHeadersCreator ExceptionHeadersCreator} for the listener
   * containers' recoverer and the Kafka Streams handlers alike.
   */
  public static void addHeaders(
      Headers headers, Exception exception, boolean isKey, HeaderNames names) {
    var info = names.getExceptionInfo();
    replace(
        headers,
        isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
        exception.getClass());
    Throwable root = exception;
    for (int depth = 0; root.getCause() != null && depth < MAX_CAUSES; depth++) {
      root = root.getCause();
    }
    replace(headers, info.getExceptionCauseFqcn(), root.getClass());
    replace(
        headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), of(exception));
    var trace = new StringWriter();
    exception.printStackTrace(new PrintWriter(trace, true));
    replace(
        headers,
        isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
        cut(trace.toString(), MAX_STACKTRACE_CHARS));
  }

  private static String describe(JacksonException json) {
    String path =
        json.getPath().stream()
            .map(
                step ->
                    step.getPropertyName() != null
                        ? step.getPropertyName()
                        : String.valueOf(step.getIndex()))
            .collect(Collectors.joining("."));
    String what = json.getOriginalMessage();
    if (path.isEmpty()) {
      var where = json.getLocation();
      return "记录不是可读的JSON (not readable JSON): "
          + what
          + (where == null || where.getLineNr() < 0
              ? ""
              : " (line %d, column %d)".formatted(where.getLineNr(), where.getColumnNr()));
    }
    return "字段「%s」不可读 (field %s cannot be read): %s".formatted(path, path, what);
  }

  private static void replace(Headers headers, String name, Class<?> type) {
    replace(headers, name, type.getName());
  }

  private static void replace(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
