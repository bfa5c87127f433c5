package cn.gov.xining.hotline.routing.dispatch;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Routing's error handler. The dispatcher dead-letters unroutable records itself, so what escapes
 * it is a failure of the batch (e.g. the broker): the transaction must abort and the batch be read
 * again from Kafka. Spring's default would re-run the listener inside the still-open transaction
 * and commit the records that had already been sent a second time.
 */
@Component
class AbortTransactionOnBatchFailure implements CommonErrorHandler {

  @Override
  public void handleBatch(
      Exception thrownException,
      ConsumerRecords<?, ?> data,
      Consumer<?, ?> consumer,
      MessageListenerContainer container,
      Runnable invokeListener) {
    throw new KafkaException("routing batch failed; aborting its transaction", thrownException);
  }
}
