package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The broker is not there when operators take calls: every ticket still gets a number, at once once
 * the breaker has opened, and when the broker comes up each one reaches the received topic exactly
 * once.
 */
@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.producer.properties.max.block.ms=500",
      "spring.kafka.producer.properties.request.timeout.ms=500",
      // Short enough for a quick test, long enough that a batch the restarting broker wrote is
      // not reported as expired (and sent again).
      "spring.kafka.producer.properties.delivery.timeout.ms=3000",
      "hotline.intake.outbox.publish-wait=1s",
      "hotline.intake.outbox.relay-interval=200ms",
      "hotline.intake.outbox.breaker.open-for=1s",
      "spring.datasource.url=jdbc:h2:mem:intake-outbox;DB_CLOSE_DELAY=-1"
    })
@AutoConfigureMockMvc
class OutboxWhileTheBrokerIsDownTest {

  private static final RestartableBroker broker = new RestartableBroker();

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) {
    broker.start();
    registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
  }

  @Autowired MockMvc mvc;
  @Autowired CircuitBreaker brokerBreaker;
  @Autowired MeterRegistry meters;

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void ticketsTakenDuringAnOutageReachTheReceivedTopicOnceEachWhenTheBrokerIsBack()
      throws Exception {
    var numbers = new ArrayList<String>();
    // The producer connects on the first send, which may take longer than the operator's wait on
    // a loaded machine: take calls until one is acknowledged at once, and let the relay send any
    // queued on the way.
    await("a ticket acknowledged while the operator waits")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> "PUBLISHED".equals(takeCall("来电反映小区停水。", numbers)));
    await("nothing left in the outbox before the outage")
        .atMost(Duration.ofSeconds(30))
        .until(() -> meters.get("hotline.intake.outbox.backlog").gauge().value() == 0);
    var takenInOutage = new ArrayList<String>();
    broker.stop();
    for (int i = 0; i < 12; i++) {
      var response =
          mvc.perform(
                  post("/api/tickets")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          """
                          {"channel":"hotline-phone","content":"来电反映小区停水第%d天。",
                           "callerPhone":"13812345678"}
                          """
                              .formatted(i + 1)))
              .andExpect(status().isCreated())
              .andExpect(jsonPath("$.status").value("QUEUED"))
              .andReturn()
              .getResponse()
              .getContentAsString();
      takenInOutage.add(JsonPath.read(response, "$.ticketNumber"));
    }
    numbers.addAll(takenInOutage);
    assertThat(brokerBreaker.getState())
        .as("after repeated failures intake stops trying the broker on the operator's time")
        .isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
    assertThat(meters.get("hotline.intake.outbox.backlog").gauge().value()).isEqualTo(12);
    mvc.perform(get("/api/tickets/" + takenInOutage.get(0)))
        .andExpect(jsonPath("$.status").value("RECEIVED"))
        .andExpect(jsonPath("$.ticket.callerPhoneMasked").value("138****5678"));

    broker.start();

    var probe = new TopicProbe(broker.bootstrapServers());
    await("every queued ticket published")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> meters.get("hotline.intake.outbox.backlog").gauge().value() == 0);
    Map<String, Long> perNumber =
        probe.readAll(Topics.TICKETS_RECEIVED).stream()
            .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    assertThat(perNumber).containsOnlyKeys(numbers);
    assertThat(perNumber.values()).containsOnly(1L);
    mvc.perform(get("/api/tickets/" + takenInOutage.get(0)))
        .andExpect(jsonPath("$.status").value("PUBLISHED"))
        .andExpect(jsonPath("$.history[1].detail").value("sent by the outbox relay"));

    // Operators' tickets go straight to Kafka again and the breaker closes. Not necessarily the
    // very next one: a relay round that met the broker still starting may have put a failure into
    // the half-open trial, and the breaker then stays open for another second.
    await("a ticket acknowledged while the operator waits, and the breaker closed")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                "PUBLISHED".equals(takeCall("来电反映停水已恢复。", numbers))
                    && brokerBreaker.getState() == CircuitBreaker.State.CLOSED);
  }

  /** Takes a call, notes its ticket number, and returns the status the operator was told. */
  private String takeCall(String content, List<String> numbers) throws Exception {
    var response =
        mvc.perform(fromPhone(content))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    numbers.add(JsonPath.read(response, "$.ticketNumber"));
    return JsonPath.read(response, "$.status");
  }

  private static MockHttpServletRequestBuilder fromPhone(String content) {
    return post("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"channel\":\"hotline-phone\",\"content\":\"%s\"}".formatted(content));
  }
}
