package cn.gov.xining.hotline.intake.callers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-callers;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
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
              assertThat(JsonPath.<String>read(r.value(), "$.callerPhoneHash")).hasSize(32);
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
