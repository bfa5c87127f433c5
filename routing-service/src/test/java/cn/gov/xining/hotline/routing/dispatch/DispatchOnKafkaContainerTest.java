package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same scenarios on the apache/kafka image; skipped where there is no Docker engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Testcontainers(disabledWithoutDocker = true)
class DispatchOnKafkaContainerTest extends DispatchScenarios {

  @Container @ServiceConnection
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

  /** intake declares this topic in production; here routing runs alone. */
  @TestConfiguration
  static class ReceivedTopic {
    @Bean
    NewTopic ticketsReceived() {
      return new NewTopic(Topics.TICKETS_RECEIVED, 3, (short) 1);
    }
  }
}
