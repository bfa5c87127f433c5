package cn.gov.xining.hotline.endtoend;

import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.util.List;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** End to end on the apache/kafka image; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndOnKafkaContainerIT extends EndToEndScenarios {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

  @Override
  String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }

  @Override
  TopicProbe probe() {
    return new TopicProbe(KAFKA.getBootstrapServers());
  }

  /** The image's broker asks nobody who they are. */
  @Override
  List<String> serviceArguments() {
    return List.of("--spring.kafka.security.protocol=PLAINTEXT");
  }
}
