package cn.gov.xining.hotline.testsupport;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RestartableBrokerTest {

  private static final Path SECURITY_FILE = Path.of("..", "deploy", "kafka-security.yaml");

  @Test
  void keepsTheSecurityFilesPrincipalsAndAclsInForceAcrossARestart() throws Exception {
    try (var broker = RestartableBroker.secured(SECURITY_FILE)) {
      // given a secured broker (which made the file's topics) where routing assigned a ticket to
      // hrss
      broker.start();
      try (var producer =
          new KafkaProducer<>(
              broker.clientProperties("routing-service"),
              new StringSerializer(),
              new StringSerializer())) {
        producer
            .send(new ProducerRecord<>("assignments-hrss", "260131-01-0001", "{}"))
            .get(10, SECONDS);
      }

      // when it restarts on the same data
      broker.stop();
      broker.start();

      // then hrss still logs in and reads its assignments, and water still may not
      assertThat(keysRead(broker, "unit-hrss", "unit-hrss-after-restart"))
          .contains("260131-01-0001");
      assertThatThrownBy(() -> keysRead(broker, "unit-water", "unit-water-after-restart"))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  private static List<String> keysRead(RestartableBroker broker, String principal, String group) {
    Map<String, Object> config = new HashMap<>(broker.clientProperties(principal));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    var keys = new ArrayList<String>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("assignments-hrss"));
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return !keys.isEmpty();
              });
    }
    return keys;
  }
}
