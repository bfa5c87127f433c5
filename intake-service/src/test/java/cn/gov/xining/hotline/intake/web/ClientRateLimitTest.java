package cn.gov.xining.hotline.intake.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.xining.hotline.testsupport.TestIssuer;
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

  private static final TestIssuer ISSUER = TestIssuer.shared();
  private static final String WECHAT_GATEWAY = ISSUER.gateway("wechat-snapshot");
  private static final String PORTAL_APP = ISSUER.gateway("city-portal");
  private static final String OPERATOR = ISSUER.staff("OPERATOR");

  @Autowired MockMvc mvc;

  @Test
  void aClientOverItsLimitGets429WithRetryAfterWhileAnotherClientIsServed() throws Exception {
    submit(WECHAT_GATEWAY, "wechat-snapshot").andExpect(status().isCreated());
    submit(WECHAT_GATEWAY, "wechat-snapshot").andExpect(status().isCreated());

    submit(WECHAT_GATEWAY, "wechat-snapshot")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "3600"))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/too-many-requests"));
    submit(OPERATOR, "letter").andExpect(status().isCreated());
  }

  @Test
  void theLimitIsThePrincipalsWhateverNameTheRequestGivesItself() throws Exception {
    var sameGateway = ISSUER.gateway("mayor-mailbox");
    for (int i = 0; i < 2; i++) {
      submit(sameGateway, "mayor-mailbox", "X-Client-Id", "desk-" + i)
          .andExpect(status().isCreated());
    }

    submit(sameGateway, "mayor-mailbox", "X-Client-Id", "yet-another-desk")
        .andExpect(status().isTooManyRequests());
  }

  @Test
  void aPercentEncodedPathIsTheSamePathToTheLimit() throws Exception {
    var portal = ISSUER.gateway("gov-cn");
    for (int i = 0; i < 2; i++) {
      submit(portal, "gov-cn").andExpect(status().isCreated());
    }

    mvc.perform(
            post(java.net.URI.create("/%61pi/tickets"))
                .header("Authorization", "Bearer " + portal)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"gov-cn\",\"content\":\"来信反映噪声扰民。\"}"))
        .andExpect(status().isTooManyRequests());
  }

  @Test
  void open311SubmissionsAreLimitedTooAndRefusedInTheSpecificationsFormat() throws Exception {
    submitOpen311(PORTAL_APP).andExpect(status().isCreated());
    submit(PORTAL_APP, "city-portal").andExpect(status().isCreated()); // one limit for both APIs

    submitOpen311(PORTAL_APP)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "3600"))
        .andExpect(jsonPath("$[0].code").value(429))
        .andExpect(jsonPath("$[0].description").value(Matchers.containsString("3600")));
    // Reading is not limited.
    mvc.perform(get("/open311/v2/services.json").header("Authorization", "Bearer " + PORTAL_APP))
        .andExpect(status().isOk());
  }

  private org.springframework.test.web.servlet.ResultActions submitOpen311(String token)
      throws Exception {
    return mvc.perform(
        post("/open311/v2/requests.json")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .param("service_code", "noise-construction")
            .param("description", "夜间施工噪声扰民。")
            .param("address_string", "城东区"));
  }

  private org.springframework.test.web.servlet.ResultActions submit(
      String token, String channel, String... headers) throws Exception {
    var request =
        post("/api/tickets")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"channel\":\"%s\",\"content\":\"来信反映噪声扰民。\"}".formatted(channel));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return mvc.perform(request);
  }
}
