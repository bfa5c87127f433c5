package cn.gov.xining.hotline.intake.tickets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same scenarios on the apache/kafka image; skipped where there is no Docker engine. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:intake-container;DB_CLOSE_DELAY=-1")
@Testcontainers(disabledWithoutDocker = true)
class TicketIntakeOnKafkaContainerTest extends TicketIntakeScenarios {

  @Container @ServiceConnection
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");
}
