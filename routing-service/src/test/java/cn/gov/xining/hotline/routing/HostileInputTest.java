package cn.gov.xining.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.CleanAnswers;
import cn.gov.xining.hotline.testsupport.HostileJson;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A bounded fuzz of what routing reads (HostileJson, a fixed seed): the dry-run and the manual
 * dispatch over REST, and received tickets on Kafka. No 5xx, every refusal a problem, and every
 * hostile ticket either decided or dead-lettered with the next real one still decided.
 */
@SignedInAs("DISPATCHER")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/routing-hostile-${random.uuid}"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class HostileInputTest {

  private static final long SEED = 20261206L;

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void noHostileDryRunOrDispatchAnswers5xxAndEveryRefusalIsAProblem() throws Exception {
    String dryRun =
        """
        {"content":"包工头拖欠工资两万元。","address":"城北区柴达木路","channel":"hotline-phone",
         "appealType":"COMPLAINT","districtCode":"630105","topicCode":"wage-arrears",
         "receivedAt":"2026-01-31T09:00:00+08:00"}
        """;
    for (var hostile : HostileJson.variants(dryRun, SEED, 200)) {
      CleanAnswers.assertClean(
          mvc.perform(
                  post("/api/routing/dry-run")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(hostile.body()))
              .andReturn(),
          hostile);
    }
    String dispatch =
        """
        {"topicCode":"heating","districtCode":"630104","primaryUnit":"heating",
         "assistingUnits":["gov-630104"],"note":"供暖问题"}
        """;
    for (var hostile : HostileJson.variants(dispatch, SEED, 100)) {
      CleanAnswers.assertClean(
          mvc.perform(
                  post("/api/routing/triage/260131-01-0001/dispatch")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(hostile.body()))
              .andReturn(),
          hostile);
    }
  }

  @Test
  void everyHostileReceivedTicketIsDecidedOrDeadLetteredAndRoutingGoesOn() throws Exception {
    // given hundreds of broken tickets on tickets-received, each under its own number
    var probe = new TopicProbe(bootstrapServers);
    var valid =
        new TicketReceived(
            UUID.randomUUID(),
            "260131-01-0001",
            OffsetDateTime.parse("2026-01-31T09:00:00+08:00"),
            "hotline-phone",
            AppealType.COMPLAINT,
            "小区暖气不热，室温只有15度。",
            "城西区胜利路",
            "630104",
            null);
    var sent = new HashSet<String>();
    for (var hostile :
        HostileJson.variants(EventJson.MAPPER.writeValueAsString(valid), SEED, 200)) {
      // Each its own number, as intake would give: the same number twice is another test's.
      String key = "260131-98-%04d".formatted(hostile.index());
      probe.sendRaw(Topics.TICKETS_RECEIVED, key, hostile.body().replace("260131-01-0001", key));
      sent.add(key);
      // and as a returned ticket, which routing reads to route again: never one of those
      probe.sendRaw(Topics.TICKETS_RETURNED, key, hostile.body());
    }

    // when a real ticket follows
    String real = probe.receive("家中暖气不热，已经一周。", "城西区胜利路", "630104", null);

    // then it is decided, and each hostile one was either decided or dead-lettered
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, real)).hasSize(1);
              var answered = new HashSet<String>();
              probe.readAll(Topics.ROUTING_DECISIONS).stream()
                  .map(ConsumerRecord::key)
                  .forEach(answered::add);
              probe.readAll(Topics.deadLetterOf(Topics.TICKETS_RECEIVED)).stream()
                  .map(ConsumerRecord::key)
                  .forEach(answered::add);
              assertThat(answered).containsAll(sent);
              // a TicketReceived is no TicketReturned: every one of those is a dead letter
              assertThat(
                      probe.readAll(Topics.deadLetterOf(Topics.TICKETS_RETURNED)).stream()
                          .map(ConsumerRecord::key)
                          .toList())
                  .containsAll(sent);
            });
  }
}
