package cn.gov.xining.hotline.reporting.reports;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The reporting scenarios on spring-kafka-test's embedded KRaft broker: runs everywhere. */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/reporting-test-${random.uuid}"
    })
@EmbeddedKafka(partitions = 3)
class DailyReportOnEmbeddedKafkaTest extends DailyReportScenarios {}
