package cn.gov.xining.hotline.reporting.reports;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same scenarios on the apache/kafka image; skipped where there is no Docker engine. */
@SpringBootTest(properties = "hotline.data-dir=${java.io.tmpdir}/reporting-test-${random.uuid}")
@Testcontainers(disabledWithoutDocker = true)
class DailyReportOnKafkaContainerTest extends DailyReportScenarios {

  @Container @ServiceConnection
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");
}
