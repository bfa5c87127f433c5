package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once under a crash: routing-service is killed with SIGKILL while it works through a
 * backlog, then restarted. Every ticket must end up with exactly one decision and exactly one
 * assignment per unit, as read by a read_committed consumer.
 */
class RoutingCrashIT {

  /** As the run command's broker: SASL/SCRAM and the authorizer on. */
  private static final RestartableBroker BROKER = SecuredKafka.started();

  @AfterAll
  static void stopTheBroker() {
    BROKER.close();
  }

  private static final int TICKETS = 20_000;

  @Test
  void aRoutingProcessKilledMidBatchLeavesEveryTicketAssignedExactlyOnce() throws Exception {
    String bootstrap = BROKER.bootstrapServers();
    var data = Files.createTempDirectory("routing-crash");
    var routing = ServiceProcess.start("routing", bootstrap, data);
    routing.awaitHealthy();

    publishTickets(bootstrap);
    await("routing under way")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> endOffsetSum(bootstrap, Topics.ROUTING_DECISIONS) > TICKETS / 10);
    routing.kill();
    var probe = SecuredKafka.adminProbe(BROKER);
    int decidedBeforeTheCrash = probe.readAll(Topics.ROUTING_DECISIONS).size();
    System.out.printf("routing killed after %d of %d decisions%n", decidedBeforeTheCrash, TICKETS);
    assertThat(decidedBeforeTheCrash).as("the crash came mid-stream").isLessThan(TICKETS);

    try (var restarted = ServiceProcess.start("routing", bootstrap, data)) {
      restarted.awaitHealthy();
      await("every ticket decided")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> probe.readAll(Topics.ROUTING_DECISIONS).size() >= TICKETS);

      assertExactlyOncePerTicket(probe, Topics.ROUTING_DECISIONS);
      assertExactlyOncePerTicket(probe, Topics.assignmentsOf("hrss"));
      assertExactlyOncePerTicket(probe, Topics.assignmentsOf("gov-630105"));
    }
  }

  private static void assertExactlyOncePerTicket(TopicProbe probe, String topic) {
    Map<String, Long> perTicket =
        probe.readAll(topic).stream()
            .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
    assertThat(perTicket).as(topic).hasSize(TICKETS);
    assertThat(perTicket.values()).as(topic).containsOnly(1L);
  }

  private static void publishTickets(String bootstrap) throws Exception {
    var props = new Properties();
    props.putAll(BROKER.clientProperties("intake-service")); // only intake writes tickets
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 1; i <= TICKETS; i++) {
        String number = "260131-77-%05d".formatted(i);
        var ticket =
            new TicketReceived(
                UUID.randomUUID(),
                number,
                OffsetDateTime.parse("2026-01-31T09:00:00+08:00"),
                "hotline-phone",
                AppealType.COMPLAINT,
                "来电人反映工地老板拖欠工资三个月。",
                "城北区柴达木路",
                "630105",
                "wage-arrears");
        producer.send(
            new ProducerRecord<>(
                Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket)));
      }
      producer.flush();
    }
  }

  private static long endOffsetSum(String bootstrap, String topic) {
    var props = new Properties();
    props.putAll(BROKER.clientProperties("admin"));
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream()
          .mapToLong(Function.<Long>identity()::apply)
          .sum();
    }
  }
}
