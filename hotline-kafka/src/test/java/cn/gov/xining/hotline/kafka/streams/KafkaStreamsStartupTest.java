package cn.gov.xining.hotline.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class KafkaStreamsStartupTest {

  @Test
  void aSourceTopicNotYetInTheMetadataCostsAThreadNotTheClient() {
    var missing = new MissingSourceTopicException("One or more source topics were missing");

    assertThat(KafkaStreamsStartupAutoConfiguration.responseTo(missing))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(KafkaStreamsStartupAutoConfiguration.responseTo(new StreamsException(missing)))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aTransactionTheBrokerAbortedCostsAThreadNotTheClient() {
    var aborted =
        new StreamsException(
            "Error encountered trying to commit a transaction",
            new org.apache.kafka.common.errors.InvalidTxnStateException(
                "The producer attempted a transactional operation in an invalid state."));

    assertThat(KafkaStreamsStartupAutoConfiguration.responseTo(aborted))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void anyOtherFailureStillShutsTheClientDown() {
    assertThat(KafkaStreamsStartupAutoConfiguration.responseTo(new IllegalStateException("broken")))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
