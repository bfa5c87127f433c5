package cn.gov.xining.hotline.kafka.streams;

import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * A stream thread that meets a source topic missing from its metadata is replaced instead of
 * shutting the whole client down: right after a service creates its topics, the broker's metadata
 * can trail the creation by about a second, and a Streams client shut down for that stays in ERROR
 * until restarted. Likewise a transaction the broker aborted under the thread (a broker that hung
 * longer than the transaction timeout, seen in the fault suite: the commit then fails with
 * InvalidTxnStateException): under exactly-once the aborted transaction's writes are discarded and
 * its input offsets were never committed, so a new thread redoes the work from the last commit. Any
 * other uncaught exception still shuts the client down.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaStreams.class)
public class KafkaStreamsStartupAutoConfiguration {

  @Bean
  StreamsBuilderFactoryBeanConfigurer waitForSourceTopics() {
    return streams ->
        streams.setStreamsUncaughtExceptionHandler(
            KafkaStreamsStartupAutoConfiguration::responseTo);
  }

  static StreamThreadExceptionResponse responseTo(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof MissingSourceTopicException
          || cause instanceof InvalidTxnStateException
          || cause instanceof TransactionAbortedException) {
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
    }
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
