package cn.gov.xining.hotline.intake.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.intake.IntakeApplication;
import cn.gov.xining.hotline.intake.tickets.TicketIntake;
import cn.gov.xining.hotline.intake.tickets.TicketRequest;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two intake instances, each with its own database and node number, on one broker: each must see
 * routing's decisions about every one of its own tickets. With one consumer group shared between
 * them, each got half the partitions, and a ticket whose decision landed on the other instance
 * stayed "已转派单中心" for good.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-node-1;DB_CLOSE_DELAY=-1",
      "hotline.intake.numbering.node=1"
    })
@EmbeddedKafka(partitions = 4)
class TwoIntakeInstancesTest {

  @Autowired TicketIntake intake;
  @Autowired TicketHistory history;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void eachInstanceFollowsTheDecisionsAboutEveryTicketItTook() {
    try (var second =
        new SpringApplicationBuilder(IntakeApplication.class)
            // As the run command starts an instance: arguments, above the service's
            // application.yml.
            .run(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=jdbc:h2:mem:intake-node-2;DB_CLOSE_DELAY=-1",
                "--hotline.intake.numbering.node=2",
                "--server.port=0",
                // Nothing here is called over HTTP; the issuer is never asked.
                "--hotline.issuer=http://127.0.0.1:9")) {
      var secondIntake = second.getBean(TicketIntake.class);
      var secondHistory = second.getBean(TicketHistory.class);
      var first = new ArrayList<String>();
      var others = new ArrayList<String>();
      for (int i = 0; i < 8; i++) {
        first.add(intake.receive(request(i), "operator").ticketNumber());
        others.add(secondIntake.receive(request(i), "operator").ticketNumber());
      }
      var probe = new TopicProbe(bootstrapServers);
      for (String number : concat(first, others)) {
        probe.sendRaw(Topics.ROUTING_DECISIONS, number, transfer(number));
      }

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(statuses(history, first)).containsOnly(TicketStatus.TRANSFERRED);
                assertThat(statuses(secondHistory, others)).containsOnly(TicketStatus.TRANSFERRED);
              });
    }
  }

  private static TicketRequest request(int i) {
    return new TicketRequest(
        "hotline-phone", "COMPLAINT", "城北区第%d个工地拖欠工资".formatted(i), null, "630105", "wage-arrears");
  }

  private static List<TicketStatus> statuses(TicketHistory history, List<String> numbers) {
    return numbers.stream().map(n -> history.find(n).orElseThrow().status()).toList();
  }

  private static List<String> concat(List<String> one, List<String> other) {
    var all = new ArrayList<>(one);
    all.addAll(other);
    return all;
  }

  private static String transfer(String number) {
    var now = OffsetDateTime.now();
    return """
        {"eventId":"%s","ticketNumber":"%s","receivedAt":"%s","routedAt":"%s",
         "channel":"hotline-phone","outcome":"TRANSFER","topicCode":"wage-arrears",
         "primaryUnit":"hrss","assistingUnits":[],"ruleId":"r","ruleSetVersion":"v",
         "reason":"按规则转交","dueAt":"%s","priority":"NORMAL"}
        """
        .formatted(UUID.randomUUID(), number, now, now, now.plusDays(5));
  }
}
