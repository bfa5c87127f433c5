package cn.gov.xining.hotline.intake.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
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

  @Test
  void open311SubmissionsAreLimitedTooAndRefusedInTheSpecificationsFormat() throws Exception {
    submitOpen311("city-app").andExpect(status().isCreated());
    submit("city-app").andExpect(status().isCreated()); // one limit for both APIs

    submitOpen311("city-app")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "3600"))
        .andExpect(jsonPath("$[0].code").value(429))
        .andExpect(jsonPath("$[0].description").value(Matchers.containsString("3600")));
    // Reading is not limited.
    mvc.perform(get("/open311/v2/services.json").header("X-Client-Id", "city-app"))
        .andExpect(status().isOk());
  }

  private org.springframework.test.web.servlet.ResultActions submitOpen311(String client)
      throws Exception {
    return mvc.perform(
        post("/open311/v2/requests.json")
            .header("X-Client-Id", client)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("service_code", "noise-construction")
            .param("description", "夜间施工噪声扰民。")
            .param("address_string", "城东区"));
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
