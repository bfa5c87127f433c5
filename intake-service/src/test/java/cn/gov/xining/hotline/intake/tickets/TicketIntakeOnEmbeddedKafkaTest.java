package cn.gov.xining.hotline.intake.tickets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The intake scenarios on spring-kafka-test's embedded KRaft broker: runs everywhere. */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-embedded;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 3)
class TicketIntakeOnEmbeddedKafkaTest extends TicketIntakeScenarios {}
