package cn.gov.xining.hotline.endtoend;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** End to end on spring-kafka-test's embedded KRaft broker, which the service JVMs connect to. */
@EmbeddedKafka(partitions = 3)
class EndToEndOnEmbeddedKafkaIT extends EndToEndScenarios {

  @Override
  String bootstrapServers() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    return broker.getBrokersAsString();
  }
}
