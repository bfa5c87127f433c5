package cn.gov.xining.hotline.intake.callers;

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
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

@SignedInAs("OPERATOR")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-callers;DB_CLOSE_DELAY=-1",
      // Our own code must not log a caller's number even at DEBUG.
      "logging.level.cn.gov.xining.hotline=DEBUG"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RepeatCallerTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired CallerRecords callers;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void theCallersNumberTravelsMaskedIsStoredEncryptedAndFindsTheirEarlierTickets()
      throws Exception {
    String first = call("13912345678");
    String second = call("+86 139-1234-5678");

    var event = new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, first);
    assertThat(event)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value()).doesNotContain("13912345678").doesNotContain("王女士");
              assertThat(JsonPath.<String>read(r.value(), "$.callerPhoneMasked"))
                  .isEqualTo("139****5678");
              assertThat(JsonPath.<String>read(r.value(), "$.callerPhoneHash")).isNull();
            });
    assertThat(
            jdbc.sql(
                    "SELECT phone_sealed || name_sealed FROM ticket_caller WHERE ticket_number = ?")
                .param(first)
                .query(String.class)
                .single())
        .doesNotContain("13912345678")
        .doesNotContain("王女士");
    assertThat(callers.phoneFor(first)).isEqualTo("13912345678");

    mvc.perform(
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"139 1234 5678\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.contains(second, first)));
  }

  @Test
  void aLookUpWithoutAPlausibleNumberIsAProblemNamingThePhone() throws Exception {
    for (String body :
        new String[] {
          "{\"phone\":null}",
          "{}",
          "{\"phone\":\"12\"}",
          "{\"phone\":\"%s\"}".formatted("1".repeat(60_000))
        }) {
      mvc.perform(
              post("/api/callers/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("phone"));
    }
  }

  @Test
  void aRepeatCallerSeesTheirOpenTicketsWithTheirStatusAndNotTheClosedOnes() throws Exception {
    String closed = call("13600001111");
    String open = call("13600001111");
    new TopicProbe(bootstrapServers)
        .sendRaw(
            Topics.TICKET_LIFECYCLE,
            closed,
            """
            {"eventId":"%s","ticketNumber":"%s","kind":"CLOSED","status":"CLOSED",
             "at":"%s","returns":0,"rehandlings":0}
            """
                .formatted(UUID.randomUUID(), closed, OffsetDateTime.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tickets/" + closed))
                    .andExpect(jsonPath("$.status").value("CLOSED")));

    mvc.perform(
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"136 0000 1111\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.contains(open)))
        .andExpect(jsonPath("$[0].status").value(Matchers.in(List.of("RECEIVED", "PUBLISHED"))))
        .andExpect(jsonPath("$[0].statusName").isNotEmpty());
    mvc.perform(
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"13600001111\",\"includeClosed\":true}"))
        .andExpect(jsonPath("$[*].ticketNumber").value(Matchers.contains(open, closed)))
        .andExpect(jsonPath("$[1].status").value("CLOSED"))
        .andExpect(jsonPath("$[1].statusName").value("已结案"));
  }

  @Test
  void aCallersClearNumberIsNeitherLoggedNorPublished(CapturedOutput log) throws Exception {
    String number = call("137-0000-2222");

    var published = new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, number);
    assertThat(published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value()).doesNotContain("13700002222").doesNotContain("0000-2222");
              r.headers()
                  .forEach(
                      h ->
                          assertThat(new String(h.value(), StandardCharsets.UTF_8))
                              .doesNotContain("13700002222"));
            });
    // The log was captured (intake logs every ticket it accepts), and the number is not in it.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(log.getAll()).contains("ticket " + number + " accepted"));
    assertThat(log.getAll())
        .doesNotContain("13700002222")
        .doesNotContain("137-0000-2222")
        .doesNotContain("王女士");
  }

  private String call(String phone) throws Exception {
    String body =
        mvc.perform(
                post("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"channel":"hotline-phone","content":"来电人反映小区停水两天。",
                         "callerName":"王女士","callerPhone":"%s"}
                        """
                            .formatted(phone)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.ticketNumber");
  }
}
