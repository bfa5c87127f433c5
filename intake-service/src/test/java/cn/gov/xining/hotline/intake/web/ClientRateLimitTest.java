package cn.gov.xining.hotline.intake.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-rate;DB_CLOSE_DELAY=-1",
      "hotline.intake.rate-limit.tickets-per-period=2",
      "hotline.intake.rate-limit.period=1h"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class ClientRateLimitTest {

  private static final String CALL = "{\"channel\":\"letter\",\"content\":\"来信反映噪声扰民。\"}";

  @Autowired MockMvc mvc;

  @Test
  void aClientOverItsLimitGets429WithRetryAfterWhileAnotherClientIsServed() throws Exception {
    submit("gateway-a").andExpect(status().isCreated());
    submit("gateway-a").andExpect(status().isCreated());

    submit("gateway-a")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "3600"))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/too-many-requests"));
    submit("console-7").andExpect(status().isCreated());
  }

  private org.springframework.test.web.servlet.ResultActions submit(String client)
      throws Exception {
    return mvc.perform(
        post("/api/tickets")
            .header("X-Client-Id", client)
            .contentType(MediaType.APPLICATION_JSON)
            .content(CALL));
  }
}
