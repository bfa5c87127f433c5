package cn.gov.xining.hotline.routing.dispatch;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The routing scenarios on spring-kafka-test's embedded KRaft broker: runs everywhere. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 3)
class DispatchOnEmbeddedKafkaTest extends DispatchScenarios {}
