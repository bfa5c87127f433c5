package cn.gov.xining.hotline.routing.triage;

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
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

@SignedInAs("DISPATCHER")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/routing-triage-${random.uuid}"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class ManualDispatchTest {

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void aTriageOperatorDispatchesAGarbageComplaintOnceTheDistrictIsKnown() throws Exception {
    var probe = new TopicProbe(bootstrapServers);
    String number = probe.receive("村口垃圾池满了半个月没人拉。", null, null, null);

    // Given the ticket waits in triage, proposed as garbage for a district government.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/routing/triage"))
                    .andExpect(
                        jsonPath("$[?(@.ticket.ticketNumber=='" + number + "')].decision.topicCode")
                            .value(Matchers.contains("garbage"))));

    // When a triage operator names the district.
    mvc.perform(
            post("/api/routing/triage/{number}/dispatch", number)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"topicCode":"garbage","districtCode":"630121",
                     "note":"来电人回电确认在大通县东峡镇"}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("TRANSFER"))
        .andExpect(jsonPath("$.ruleId").value("manual-dispatch"))
        .andExpect(jsonPath("$.primaryUnit").value("gov-630121"))
        .andExpect(jsonPath("$.reason").value(Matchers.containsString("dispatcher")));

    // Then the units have it, the backlog no longer does, and it cannot be dispatched twice.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(probe.recordsFor(Topics.assignmentsOf("gov-630121"), number)).hasSize(1);
              assertThat(probe.recordsFor(Topics.assignmentsOf("urban-management"), number))
                  .singleElement()
                  .satisfies(
                      r ->
                          assertThat(JsonPath.<String>read(r.value(), "$.role"))
                              .isEqualTo("ASSISTING"));
              mvc.perform(get("/api/routing/triage"))
                  .andExpect(jsonPath("$[?(@.ticket.ticketNumber=='" + number + "')]").isEmpty());
            });
    mvc.perform(
            post("/api/routing/triage/{number}/dispatch", number)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"topicCode\":\"garbage\",\"districtCode\":\"630121\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void twoOperatorsDispatchingTheSameTicketAtOnceProduceOneDispatch() throws Exception {
    var probe = new TopicProbe(bootstrapServers);
    String number = probe.receive("村口垃圾池满了半个月没人拉。", null, null, null);
    awaitInTriage(number);
    String body = "{\"topicCode\":\"garbage\",\"districtCode\":\"630121\"}";

    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var statuses = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
    for (int i = 0; i < 2; i++) {
      pool.submit(
          () ->
              statuses.add(
                  mvc.perform(
                          post("/api/routing/triage/{number}/dispatch", number)
                              .contentType(MediaType.APPLICATION_JSON)
                              .content(body))
                      .andReturn()
                      .getResponse()
                      .getStatus()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    // The second is turned away: 409 while the first is under way, 404 once it is done.
    assertThat(statuses).hasSize(2).containsOnlyOnce(200).containsAnyOf(404, 409);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.assignmentsOf("gov-630121"), number))
                    .hasSize(1));
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number))
        .extracting(r -> JsonPath.<String>read(r.value(), "$.ruleId"))
        .containsExactly("district-unknown", "manual-dispatch");
  }

  @Test
  void aDispatchWithoutTheDistrictTheRouteNeedsIsRefusedNamingTheField() throws Exception {
    var probe = new TopicProbe(bootstrapServers);
    String number = probe.receive("我要反映一个情况。", null, null, null);
    awaitInTriage(number);

    mvc.perform(
            post("/api/routing/triage/{number}/dispatch", number)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"topicCode\":\"garbage\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[0]").value(Matchers.startsWith("districtCode")));
  }

  private void awaitInTriage(String number) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/routing/triage"))
                    .andExpect(
                        jsonPath("$[?(@.ticket.ticketNumber=='" + number + "')]").isNotEmpty()));
  }
}
