package cn.gov.xining.hotline.intake.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-idempotency;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class IdempotencyKeyTest {

  /** The application's clock, which a test may move forward. */
  @TestConfiguration
  static class MovableClock {
    @Bean
    MovingClock clock() {
      return new MovingClock();
    }
  }

  static final class MovingClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    void moveForward(Duration by) {
      ahead = ahead.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return HotlineTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), ahead);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }
  }

  private static final String CALL =
      "{\"channel\":\"hotline-phone\",\"content\":\"来电人反映小区停水两天。\",\"topicCode\":\"water-supply\"}";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MovingClock clock;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void aRetriedRequestGetsTheSameTicketAndIsPublishedOnce() throws Exception {
    String key = UUID.randomUUID().toString();

    String first = number(post(key, CALL).andExpect(status().isCreated()));
    String retried = number(post(key, CALL).andExpect(status().isCreated()));

    assertThat(retried).isEqualTo(first);
    assertThat(new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, first))
        .hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    post(key, CALL).andExpect(status().isCreated());

    post(key, CALL.replace("停水两天", "停水三天"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.type")
                .value("https://hotline.xining.gov.cn/problems/idempotency-key-reused"));
  }

  @Test
  void aKeyIsOneClientsAnotherPrincipalWithTheSameKeyGetsItsOwnTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = number(post(key, CALL).andExpect(status().isCreated()));

    var otherOperator =
        TestIssuer.shared().token("operator-zhang", java.util.List.of("OPERATOR"), null, null);
    String second =
        number(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                            "/api/tickets")
                        .header("Authorization", "Bearer " + otherOperator)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CALL))
                .andExpect(status().isCreated()));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void aDuplicateWhileTheFirstIsStillBeingProcessedIsAConflict() throws Exception {
    String key = UUID.randomUUID().toString();
    // The first request has claimed the key but not answered yet.
    post(key, CALL).andExpect(status().isCreated());
    jdbc.sql("UPDATE idempotency_key SET answer = NULL WHERE idem_key = :key")
        .param("key", IdempotentRequests.scoped("operator", key))
        .update();

    post(key, CALL)
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/request-in-progress"));
  }

  @Test
  void aKeyWhoseRequestDiedUnansweredIsClaimableAgainAfterTheClaimTimeout() throws Exception {
    String key = UUID.randomUUID().toString();
    // As if intake had died after claiming the key and before keeping the answer.
    post(key, CALL).andExpect(status().isCreated());
    jdbc.sql("UPDATE idempotency_key SET answer = NULL WHERE idem_key = :key")
        .param("key", IdempotentRequests.scoped("operator", key))
        .update();
    clock.moveForward(Duration.ofMinutes(4).plusSeconds(59));
    post(key, CALL).andExpect(status().isConflict());

    clock.moveForward(Duration.ofSeconds(2)); // past the default 5 minutes
    String retried = number(post(key, CALL).andExpect(status().isCreated()));

    assertThat(number(post(key, CALL).andExpect(status().isCreated()))).isEqualTo(retried);
  }

  @Test
  void anAbandonedKeyWithAnotherRequestIsStillRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    post(key, CALL).andExpect(status().isCreated());
    jdbc.sql("UPDATE idempotency_key SET answer = NULL WHERE idem_key = :key")
        .param("key", IdempotentRequests.scoped("operator", key))
        .update();
    clock.moveForward(Duration.ofMinutes(6));

    post(key, CALL.replace("停水两天", "停水三天")).andExpect(status().isUnprocessableContent());
  }

  @Test
  void withoutAKeyEveryRequestIsANewTicket() throws Exception {
    String first = number(post(null, CALL).andExpect(status().isCreated()));
    String second = number(post(null, CALL).andExpect(status().isCreated()));

    assertThat(second).isNotEqualTo(first);
  }

  private ResultActions post(String key, String body) throws Exception {
    var request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/tickets")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return mvc.perform(request);
  }

  private static String number(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.ticketNumber");
  }
}
