package cn.gov.xining.hotline.handling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseProblemsTest {

  private final CaseProblems problems = new CaseProblems();

  @Test
  void kafkaStreamsNotRunningIsATemporary503ProblemNotAServerError() {
    var answer =
        problems.streamsNotRunning(
            new IllegalStateException("KafkaStreams is not running. State is ERROR."));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(answer.getBody().getType().toString()).endsWith("/cases-not-ready");
  }

  @Test
  void anyOtherIllegalStateIsLeftToTheServerErrorItIs() {
    var other = new IllegalStateException("something else");

    assertThatThrownBy(() -> problems.streamsNotRunning(other)).isSameAs(other);
  }
}
