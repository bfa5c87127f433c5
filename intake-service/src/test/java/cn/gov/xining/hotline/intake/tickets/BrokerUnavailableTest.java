package cn.gov.xining.hotline.intake.tickets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** With no broker to acknowledge it, a ticket is refused and no number is read to the caller. */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=127.0.0.1:1",
      "spring.kafka.admin.auto-create=false",
      "spring.kafka.producer.properties.max.block.ms=500",
      "spring.kafka.producer.properties.request.timeout.ms=500",
      "spring.kafka.producer.properties.delivery.timeout.ms=1000",
      "hotline.intake.publish-timeout=2s",
      "spring.datasource.url=jdbc:h2:mem:intake-no-broker;DB_CLOSE_DELAY=-1"
    })
@AutoConfigureMockMvc
class BrokerUnavailableTest {

  @Autowired MockMvc mvc;

  @Test
  void withoutTheBrokersAcknowledgementTheAnswerIsARetryableProblemWithoutANumber()
      throws Exception {
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"letter\",\"content\":\"来信反映小区停水。\"}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/broker-unavailable"))
        .andExpect(jsonPath("$.ticketNumber").doesNotExist());
  }
}
