package cn.gov.xining.hotline.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.CleanAnswers;
import cn.gov.xining.hotline.testsupport.HostileJson;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A bounded fuzz of what intake reads, as a careless or hostile client and a broken producer would
 * send it: hundreds of tickets derived from a valid one (HostileJson, a fixed seed), then hostile
 * routing decisions on the topic intake consumes. Nothing may answer 5xx, every refusal is a
 * problem naming its fields, nothing refused is published, and the consumer is never stuck.
 */
@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-hostile;DB_CLOSE_DELAY=-1",
      // The limit is not what this test is about: every request must reach the checks.
      "hotline.intake.rate-limit.tickets-per-period=100000"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class HostileTicketsTest {

  private static final long SEED = 20261206L;
  private static final String VALID =
      """
      {"channel":"hotline-phone","appealType":"COMPLAINT","content":"小区暖气不热，室温只有15度。",
       "address":"城西区胜利路","districtCode":"630104","topicCode":"heating",
       "callerName":"李女士","callerPhone":"13812345678","latitude":36.62,"longitude":101.77,
       "answeredOnCall":false,"batchLabel":"第一批","attachments":["https://example.cn/a.jpg"]}
      """;

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void noHostileTicketAnswers5xxEveryRefusalIsAProblemAndOnlyAcceptedTicketsArePublished()
      throws Exception {
    var probe = new TopicProbe(bootstrapServers);
    int publishedBefore = probe.readAll(Topics.TICKETS_RECEIVED).size();
    int accepted = 0;
    for (var hostile : HostileJson.variants(VALID, SEED, 300)) {
      var result =
          mvc.perform(
                  post("/api/tickets")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(hostile.body()))
              .andReturn();
      if (CleanAnswers.assertClean(result, hostile) == 201) {
        accepted++;
      }
    }

    int expected = publishedBefore + accepted;
    assertThat(accepted).as("some variants are still valid tickets").isPositive();
    await("exactly the accepted tickets on tickets-received")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(probe.readAll(Topics.TICKETS_RECEIVED)).hasSize(expected));
  }

  @Test
  void hostileDecisionsAndLifecycleEventsNeitherStopTheStatusFeedNorChangeATicket()
      throws Exception {
    // given a ticket, and hundreds of broken decisions about it on routing-decisions
    String number =
        JsonPath.read(
            mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.ticketNumber");
    var valid = decision(number);
    var probe = new TopicProbe(bootstrapServers);
    for (var hostile :
        HostileJson.variants(EventJson.MAPPER.writeValueAsString(valid), SEED, 200)) {
      probe.sendRaw(Topics.ROUTING_DECISIONS, number, hostile.body());
      // and on the lifecycle feed, which intake reads for the same status history
      probe.sendRaw(Topics.TICKET_LIFECYCLE, number, hostile.body());
    }

    // when the real decision follows
    probe.sendRaw(Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(valid));

    // then intake still reads its feed and records the decision
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + number))
                    .andExpect(jsonPath("$.status").value("TRANSFERRED"))
                    .andExpect(jsonPath("$.agencyResponsible").value("heating")));
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  private static TicketRouted decision(String number) {
    return new TicketRouted(
        UUID.randomUUID(),
        number,
        OffsetDateTime.now(),
        OffsetDateTime.now(),
        "hotline-phone",
        RoutingOutcome.TRANSFER,
        "heating",
        "630104",
        "heating",
        List.of(),
        "heating-rule",
        "test",
        "供暖问题",
        OffsetDateTime.now().plusDays(3),
        Priority.NORMAL);
  }
}
