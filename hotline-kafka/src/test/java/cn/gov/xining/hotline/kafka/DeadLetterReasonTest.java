package cn.gov.xining.hotline.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import cn.gov.xining.hotline.contract.ProgressReport;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

  @Test
  void aReportTheJsonReaderRefusedIsNamedByTheFieldAndWhatWasWrongWithIt() {
    // given a report whose kind is not one of the contract's
    var failure = readReport("{\"ticketNumber\":\"261122-01-0001\",\"kind\":\"FOO\"}");

    // when / then the reason is the field and the reader's account, not the wrapper's words
    assertThat(failure.getMessage()).contains("Can't deserialize");
    assertThat(DeadLetterReason.of(failure))
        .startsWith("字段「kind」不可读 (field kind cannot be read)")
        .contains("FOO", "ACCEPTED")
        .doesNotContain("Can't deserialize");
  }

  @Test
  void textThatIsNotJsonAtAllIsSaidToBeSoWithWhereItWentWrong() {
    var failure = readReport("这不是JSON {");

    assertThat(DeadLetterReason.of(failure))
        .startsWith("记录不是可读的JSON (not readable JSON)")
        .contains("line 1, column");
  }

  @Test
  void aFailureCausedByAnotherNamesTheRootCauseAfterItsOwnMessage() {
    var failure =
        new IllegalStateException(
            "listener failed",
            new RuntimeException("wrapped", new ArithmeticException("/ by zero")));

    assertThat(DeadLetterReason.of(failure))
        .isEqualTo("listener failed; ArithmeticException: / by zero");
  }

  @Test
  void aReasonIsNeverLongerThanAHeaderShouldBe() {
    var failure = new IllegalArgumentException("长".repeat(10_000));

    assertThat(DeadLetterReason.of(failure))
        .hasSize(DeadLetterReason.MAX_REASON_CHARS)
        .endsWith("…");
  }

  private static Exception readReport(String json) {
    var reader = EventSerdes.serde(ProgressReport.class).deserializer();
    return catchException(
        () ->
            reader.deserialize(
                "ticket-progress", new RecordHeaders(), json.getBytes(StandardCharsets.UTF_8)));
  }
}
