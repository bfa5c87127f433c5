package cn.gov.xining.hotline.intake.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Repeat appeals through intake's API and its Kafka feeds: the open ticket is transferred by a
 * routing decision read from Kafka, the repeat is answered with it and published linked to it.
 */
@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-repeats;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class RepeatAppealsTest {

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void anotherWorkerOfTheSameSiteIsToldItIsBeingHandledAndTheAppealTravelsLinked()
      throws Exception {
    String open =
        number(post("来电人反映在城北区柴达木路218号工地务工，包工头拖欠三个月工资。", "城北区柴达木路218号工地", "wage-arrears"));
    transfer(open, "wage-arrears", "hrss");

    String repeat =
        number(
            post("柴达木路218号的工地老板欠我们工钱三个月了，一分都没给，请问谁来管？", "柴达木路218号", "wage-arrears")
                .andExpect(jsonPath("$.sameProblem.ticketNumber").value(open))
                .andExpect(jsonPath("$.sameProblem.unit").value("hrss"))
                .andExpect(jsonPath("$.sameProblem.confirmed").value(true))
                .andExpect(jsonPath("$.sameProblem.status").value("已转交承办单位"))
                .andExpect(
                    jsonPath("$.sameProblem.message")
                        .value(org.hamcrest.Matchers.containsString(open))));

    var published = new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, repeat);
    assertThat(published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(JsonPath.<String>read(r.value(), "$.repeatOf.ticketNumber"))
                  .isEqualTo(open);
              assertThat(JsonPath.<String>read(r.value(), "$.repeatOf.primaryUnit"))
                  .isEqualTo("hrss");
              assertThat(JsonPath.<String>read(r.value(), "$.repeatOf.topicCode"))
                  .isEqualTo("wage-arrears");
            });
  }

  @Test
  void withoutATopicTheLinkIsProposedAndAnotherProblemAtThePlaceIsNotLinked() throws Exception {
    String open = number(post("湟中区金塔小区5号楼整栋暖气不热，室温只有十二度。", "湟中区金塔小区5号楼", "heating"));
    transfer(open, "heating", "heating");

    post("请问金塔小区的暖气什么时候能热？家里太冷了。", "金塔小区", null)
        .andExpect(jsonPath("$.sameProblem.ticketNumber").value(open))
        .andExpect(jsonPath("$.sameProblem.confirmed").value(false));
    post("金塔小区5号楼电梯坏了一周，老人上不了楼。", "湟中区金塔小区5号楼", null)
        .andExpect(jsonPath("$.sameProblem").doesNotExist());
    post("城西区胜利路路灯不亮，晚上很黑。", "城西区胜利路", null).andExpect(jsonPath("$.sameProblem").doesNotExist());
  }

  @Test
  void aClosedTicketIsNotLinkedTo() throws Exception {
    String open = number(post("城东区八一路88号门前下水道堵塞，污水漫到路上。", "城东区八一路88号", "waterlogging"));
    transfer(open, "waterlogging", "water");
    post("八一路88号门口下水道又堵了，污水横流。", "八一路88号", "waterlogging")
        .andExpect(jsonPath("$.sameProblem.ticketNumber").value(open));

    new TopicProbe(bootstrapServers)
        .sendRaw(
            Topics.TICKET_LIFECYCLE,
            open,
            """
            {"eventId":"%s","ticketNumber":"%s","kind":"CLOSED","status":"CLOSED",
             "at":"%s","returns":0,"rehandlings":0}
            """
                .formatted(UUID.randomUUID(), open, OffsetDateTime.now()));
    awaitStatus(open, "CLOSED");

    post("八一路88号门口下水道堵了，污水横流。", "八一路88号", "waterlogging")
        .andExpect(jsonPath("$.sameProblem").doesNotExist());
  }

  private ResultActions post(String content, String address, String topicCode) throws Exception {
    String topic = topicCode == null ? "" : ",\"topicCode\":\"%s\"".formatted(topicCode);
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .characterEncoding(StandardCharsets.UTF_8)
                .content(
                    """
                    {"channel":"hotline-phone","appealType":"COMPLAINT","content":"%s",
                     "address":"%s"%s}
                    """
                        .formatted(content, address, topic)))
        .andExpect(status().isCreated());
  }

  private static String number(ResultActions posted) throws Exception {
    return JsonPath.read(
        posted.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
        "$.ticketNumber");
  }

  /** Routing's decision, as routing writes it, read by intake from Kafka. */
  private void transfer(String ticketNumber, String topicCode, String unit) throws Exception {
    var now = OffsetDateTime.now();
    new TopicProbe(bootstrapServers)
        .sendRaw(
            Topics.ROUTING_DECISIONS,
            ticketNumber,
            """
            {"eventId":"%s","ticketNumber":"%s","receivedAt":"%s","routedAt":"%s",
             "channel":"hotline-phone","outcome":"TRANSFER","topicCode":"%s","primaryUnit":"%s",
             "assistingUnits":[],"ruleId":"r","ruleSetVersion":"v","reason":"按规则转交",
             "dueAt":"%s","priority":"NORMAL"}
            """
                .formatted(
                    UUID.randomUUID(), ticketNumber, now, now, topicCode, unit, now.plusDays(5)));
    awaitStatus(ticketNumber, "TRANSFERRED");
  }

  private void awaitStatus(String ticketNumber, String expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + ticketNumber))
                    .andExpect(jsonPath("$.status").value(expected)));
  }
}
