package cn.gov.xining.hotline.routing.learning;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What the learning tests do as a triage operator and as the rules administrator. */
final class Dispatchers {

  static final String RULES_ADMIN = "Bearer " + TestIssuer.shared().staff("RULES_ADMIN");

  private final MockMvc mvc;
  private final TopicProbe probe;

  Dispatchers(MockMvc mvc, TopicProbe probe) {
    this.mvc = mvc;
    this.probe = probe;
  }

  /** Receives a ticket, waits until routing sent it to triage, and dispatches it to the topic. */
  String receiveAndDispatch(String text, String topicCode) throws Exception {
    String number = receiveInTriage(text);
    dispatch(number, topicCode);
    return number;
  }

  /** Receives a ticket and waits until routing sent it to triage. */
  String receiveInTriage(String text) {
    String number = probe.receive(text, null, null, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/routing/triage"))
                    .andExpect(
                        jsonPath("$[?(@.ticket.ticketNumber=='" + number + "')]").isNotEmpty()));
    return number;
  }

  /** A triage operator dispatches the ticket to the topic. */
  void dispatch(String number, String topicCode) throws Exception {
    mvc.perform(
            post("/api/routing/triage/{number}/dispatch", number)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"topicCode\":\"%s\",\"districtCode\":\"630121\"}".formatted(topicCode)))
        .andExpect(status().isOk());
  }

  /** Waits until the model versions have read this many examples. */
  void awaitExamples(int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/routing/model/corrections").header("Authorization", RULES_ADMIN))
                    .andExpect(
                        jsonPath("$[*].corrections").value(org.hamcrest.Matchers.hasItem(count))));
  }

  /** Receives a ticket and answers routing's decision on it, as JSON. */
  String decisionOn(String text) {
    String number = probe.receive(text, null, null, null);
    var decision = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var records = probe.recordsFor(Topics.ROUTING_DECISIONS, number);
              Assertions.assertThat(records).isNotEmpty();
              decision[0] = records.get(0).value();
            });
    return decision[0];
  }

  static String field(String json, String path) {
    return JsonPath.read(json, path);
  }
}
