package cn.gov.xining.hotline.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What intake does against a real broker. Subclasses supply the broker: spring-kafka-test's
 * embedded KRaft broker always, a Testcontainers broker where Docker is available.
 */
@SignedInAs("OPERATOR")
@AutoConfigureMockMvc
abstract class TicketIntakeScenarios {

  static final String HEATING_CALL =
      """
      {"channel":"hotline-phone","appealType":"COMPLAINT",
       "content":"来电人反映家中暖气不热，室温只有15度左右，已经持续一周。",
       "address":"城西区胜利路某小区3号楼","districtCode":"630104","topicCode":"heating"}
      """;

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void anAcceptedTicketGetsANumberAndIsOnTheReceivedTopicUnderThatNumber() throws Exception {
    var response =
        mvc.perform(
                post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(HEATING_CALL))
            .andExpect(status().isCreated())
            .andExpect(
                jsonPath("$.ticketNumber")
                    .value(org.hamcrest.Matchers.matchesPattern("\\d{6}-01-\\d{4,}")))
            .andExpect(jsonPath("$.status").value("PUBLISHED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String number = JsonPath.read(response, "$.ticketNumber");

    // The number was given out only after the broker acknowledged, so the record is already there.
    var records = new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, number);
    assertThat(records)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(JsonPath.<String>read(record.value(), "$.ticketNumber")).isEqualTo(number);
              assertThat(JsonPath.<String>read(record.value(), "$.topicCode")).isEqualTo("heating");
              assertThat(JsonPath.<String>read(record.value(), "$.content")).contains("暖气不热");
              assertThat(JsonPath.<String>read(record.value(), "$.receivedAt")).endsWith("+08:00");
              assertThat(record.headers().lastHeader("__TypeId__")).isNull();
            });
  }

  @Test
  void numbersACitizenSaysInTheAppealAreMaskedBeforeTheTicketIsStoredOrPublished()
      throws Exception {
    var response =
        mvc.perform(
                post("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"channel":"hotline-phone","appealType":"COMPLAINT",
                         "content":"工资卡6217001234567893三个月没到账，身份证630102198503120410，请打13812345678",
                         "address":"城北区某小区，联系0971-8123456","callerPhone":"13987654321"}
                        """))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String number = JsonPath.read(response, "$.ticketNumber");

    String published =
        new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, number).get(0).value();
    String stored =
        mvc.perform(get("/api/tickets/" + number))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (String ticket : List.of(published, stored)) {
      assertThat(ticket)
          .contains("6217********7893", "630102********0410", "138****5678", "0971-****456")
          .doesNotContain("13812345678", "198503120", "00123456", "8123456", "13987654321");
    }
  }

  @Test
  void consecutiveTicketsGetDistinctNumbers() throws Exception {
    var first = postAndReadNumber();
    var second = postAndReadNumber();

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void anInvalidTicketIsAProblemNamingEveryFieldAndIsNotPublished() throws Exception {
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"fax\",\"content\":\"\",\"topicCode\":\"potholes\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/invalid-ticket"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(org.hamcrest.Matchers.containsInAnyOrder("channel", "content", "topicCode")))
        .andExpect(
            jsonPath("$.errors[?(@.field=='channel')].allowed[*]")
                .value(org.hamcrest.Matchers.hasItem("hotline-phone")))
        .andExpect(
            jsonPath("$.errors[?(@.field=='content')].message")
                .value(
                    org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("诉求内容不能为空"))));
  }

  @Test
  void malformedJsonIsABadRequestProblemAnOperatorCanRead() throws Exception {
    mvc.perform(
            post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content("{\"channel\":"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/malformed-json"))
        .andExpect(jsonPath("$.title").value("请求不是合法的JSON (Malformed JSON)"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("请求体无法解析为JSON")));
  }

  @Test
  void aFieldOfTheWrongJsonTypeIsNamedInTheProblemsFieldList() throws Exception {
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"channel\":\"letter\",\"content\":\"来信。\","
                        + "\"latitude\":\"abc\",\"longitude\":101.7}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/invalid-request"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("latitude")))
        .andExpect(jsonPath("$.errors[0].field").value("latitude"))
        .andExpect(jsonPath("$.errors[0].message").value("应为数字 (must be a number)"));
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"channel\":\"letter\",\"content\":\"来信。\","
                        + "\"attachments\":[\"https://a.cn/1.jpg\",{\"url\":\"x\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("attachments[1]"))
        .andExpect(jsonPath("$.errors[0].message").value("应为文本 (must be a string)"));
  }

  @Test
  void aFormPostToTheJsonApiIsAnUnsupportedMediaTypeProblemAnOperatorCanRead() throws Exception {
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("channel=letter"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type")
                .value("https://hotline.xining.gov.cn/problems/unsupported-media-type"))
        .andExpect(jsonPath("$.title").value("不支持的内容类型 (Unsupported media type)"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "请以 application/json 提交，收到的是 application/x-www-form-urlencoded"
                        + " (Content-Type must be application/json, not"
                        + " application/x-www-form-urlencoded)"));
  }

  @Test
  void aTicketsHistoryShowsItStoredPublishedAndWhereRoutingSentIt() throws Exception {
    String number = postAndReadNumber();
    // Kafka's acknowledgement is recorded in the next group commit, just after the answer.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + number))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PUBLISHED"))
                    .andExpect(
                        jsonPath("$.ticket.content")
                            .value(org.hamcrest.Matchers.containsString("暖气")))
                    .andExpect(
                        jsonPath("$.history[*].status")
                            .value(org.hamcrest.Matchers.contains("RECEIVED", "PUBLISHED"))));

    var decision =
        decision(number, RoutingOutcome.TRANSFER, "heating", "2026-02-02T10:00:00+08:00");
    var probe = new TopicProbe(bootstrapServers);
    // Delivered twice, as a redelivery after a consumer crash would: recorded once.
    probe.sendRaw(Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(decision));
    probe.sendRaw(Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(decision));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + number))
                    .andExpect(jsonPath("$.status").value("TRANSFERRED"))
                    .andExpect(jsonPath("$.agencyResponsible").value("heating"))
                    .andExpect(jsonPath("$.expectedAt").value("2026-02-02T10:00:00+08:00"))
                    .andExpect(
                        jsonPath("$.history[*].status")
                            .value(
                                org.hamcrest.Matchers.contains(
                                    "RECEIVED", "PUBLISHED", "TRANSFERRED"))));
  }

  @Test
  void anUnreadableRoutingDecisionIsDeadLetteredAndTheNextOneStillCounts() throws Exception {
    String number = postAndReadNumber();
    var probe = new TopicProbe(bootstrapServers);
    probe.sendRaw(Topics.ROUTING_DECISIONS, "poison-" + number, "这不是JSON {");
    var decision = decision(number, RoutingOutcome.TRIAGE, null, null);
    probe.sendRaw(Topics.ROUTING_DECISIONS, number, EventJson.MAPPER.writeValueAsString(decision));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      probe.recordsFor(
                          Topics.deadLetterOf(Topics.ROUTING_DECISIONS), "poison-" + number))
                  .hasSize(1);
              mvc.perform(get("/api/tickets/" + number))
                  .andExpect(jsonPath("$.status").value("IN_TRIAGE"));
            });
  }

  @Test
  void anUnknownTicketNumberIsANotFoundProblem() throws Exception {
    mvc.perform(get("/api/tickets/990101-01-0001"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("990101-01-0001")));
  }

  /** A decision as routing publishes it; a unit and time limit only for a transfer. */
  private static TicketRouted decision(
      String number, RoutingOutcome outcome, String unit, String dueAt) {
    return new TicketRouted(
        UUID.randomUUID(),
        number,
        OffsetDateTime.now(),
        OffsetDateTime.parse("2026-01-31T10:00:00+08:00"),
        "hotline-phone",
        outcome,
        unit,
        "630104",
        unit,
        List.of(),
        unit == null ? "no-rule" : unit,
        "test",
        unit == null ? "无规则匹配" : "供暖问题",
        dueAt == null ? null : OffsetDateTime.parse(dueAt),
        Priority.NORMAL);
  }

  private String postAndReadNumber() throws Exception {
    var body =
        mvc.perform(
                post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(HEATING_CALL))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.ticketNumber");
  }
}
