package cn.gov.xining.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import cn.gov.xining.hotline.contract.AuditEntry;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Who may do what at intake, with real signed tokens checked by the production resource server: no
 * token, a forged one and a wrong role are refused with problems; the operator's name on the ticket
 * is the token's; reads of personal data and writes are on the audit trail.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-access;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class IntakeAccessTest {

  private static final TestIssuer ISSUER = TestIssuer.shared();
  private static final String CALL =
      "{\"channel\":\"hotline-phone\",\"content\":\"小区楼下烧烤摊油烟扰民。\",\"callerPhone\":\"13812345678\"}";

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void withoutATokenNothingButTheHealthProbeAndTheCatalogAnswers() throws Exception {
    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(CALL))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value(Matchers.startsWith("未登录")))
        .andExpect(
            jsonPath("$.type").value("https://hotline.xining.gov.cn/problems/unauthenticated"))
        .andExpect(jsonPath("$.instance").value("/api/tickets"))
        .andExpect(jsonPath("$.properties").doesNotExist());
    mvc.perform(get("/api/tickets/261206-01-0001")).andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"13812345678\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());

    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk());
  }

  @Test
  void anOpen311AppIsRefusedInTheSpecificationsErrorFormatNotAsAProblem() throws Exception {
    mvc.perform(get("/open311/v2/requests.json"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$[0].code").value(401))
        .andExpect(jsonPath("$[0].description").value(Matchers.startsWith("请求须带有效的 Bearer 令牌")));
    mvc.perform(get("/open311/v2/requests/261206-01-0001.xml"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
        .andExpect(xpath("/errors/error/code").string("401"));
    // a manager's token is valid but not an Open311 client's
    as(ISSUER.staff("MANAGER"), get("/open311/v2/requests.xml"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
        .andExpect(xpath("/errors/error/code").string("403"));
  }

  @Test
  void aTokenWhoseRolesWereRewrittenIsRefused() throws Exception {
    String[] parts = ISSUER.staff("MANAGER").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("MANAGER", "OPERATOR");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];

    as(forged, post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(CALL))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aRoleThatMayNotIsRefusedWith403() throws Exception {
    as(
            ISSUER.staff("MANAGER"),
            post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(CALL))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value(Matchers.startsWith("无权")));
    as(
            ISSUER.unit("hrss"),
            post("/api/callers/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"13812345678\"}"))
        .andExpect(status().isForbidden());
    as(ISSUER.gateway("wechat-snapshot"), get("/api/tickets/261206-01-0001"))
        .andExpect(status().isForbidden());
    as(ISSUER.staff("OPERATOR"), get("/actuator/prometheus")).andExpect(status().isForbidden());
    as(ISSUER.staff("OPERATIONS"), get("/actuator/prometheus")).andExpect(status().isOk());
  }

  @Test
  void aGatewayPostsForItsOwnChannelOnly() throws Exception {
    String wechat = ISSUER.gateway("wechat-snapshot");

    as(wechat, post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(CALL))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("wechat-snapshot")));
    as(
            wechat,
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content(CALL.replace("hotline-phone", "wechat-snapshot")))
        .andExpect(status().isCreated());
  }

  @Test
  void aGatewayListsTheOpen311RequestsOfItsOwnChannelOnlyAndAnOperatorAll() throws Exception {
    String wechat = ISSUER.gateway("wechat-snapshot");
    String operator = ISSUER.staff("OPERATOR");
    String byPhone =
        numberOf(
            as(
                operator,
                post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(CALL)));
    String byWechat =
        numberOf(
            as(
                wechat,
                post("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(CALL.replace("hotline-phone", "wechat-snapshot"))));

    as(wechat, get("/open311/v2/requests.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItem(byWechat)))
        .andExpect(
            jsonPath("$[*].service_request_id").value(Matchers.not(Matchers.hasItem(byPhone))));
    as(operator, get("/open311/v2/requests.json"))
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItems(byWechat, byPhone)));
  }

  private static String numberOf(ResultActions created) throws Exception {
    return EventJson.MAPPER
        .readTree(
            created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
        .get("ticketNumber")
        .asString();
  }

  @Test
  void theCallersNumberIsReadInClearByTheUnitHandlingTheTicketOnlyAndEveryReadIsAudited()
      throws Exception {
    // given a caller's ticket that routing transferred to hrss
    String operator = ISSUER.staff("OPERATOR");
    String number =
        numberOf(
            as(
                operator,
                post("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(CALL.replace("}", ",\"callerName\":\"王女士\"}"))));
    var probe = new TopicProbe(bootstrapServers);
    probe.sendRaw(
        Topics.ROUTING_DECISIONS,
        number,
        EventJson.MAPPER.writeValueAsString(
            new TicketRouted(
                UUID.randomUUID(),
                number,
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "hotline-phone",
                RoutingOutcome.TRANSFER,
                "wage-arrears",
                null,
                "hrss",
                List.of(),
                "test-rule",
                "test",
                "欠薪",
                OffsetDateTime.now().plusDays(5),
                Priority.NORMAL)));
    String hrss = ISSUER.unit("hrss");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                as(hrss, get("/api/tickets/" + number + "/caller"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.phone").value("13812345678"))
                    .andExpect(jsonPath("$.name").value("王女士")));

    // then nobody unsigned, no other unit, no manager; the hotline's reviewer may
    mvc.perform(get("/api/tickets/" + number + "/caller")).andExpect(status().isUnauthorized());
    as(ISSUER.unit("water"), get("/api/tickets/" + number + "/caller"))
        .andExpect(status().isForbidden());
    as(ISSUER.staff("MANAGER"), get("/api/tickets/" + number + "/caller"))
        .andExpect(status().isForbidden());
    as(ISSUER.staff("REVIEWER"), get("/api/tickets/" + number + "/caller"))
        .andExpect(status().isOk());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(probe.recordsFor(Topics.AUDIT_TRAIL, "unit-hrss").toString())
                    .contains("/api/tickets/{ticketNumber}/caller")
                    .doesNotContain("13812345678"));
  }

  @Test
  void theTicketNamesTheSignedInOperatorAndHerReadIsAudited() throws Exception {
    String operator = ISSUER.token("operator-li", List.of("OPERATOR"), null, null);
    String number =
        EventJson.MAPPER
            .readTree(
                as(
                        operator,
                        post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(CALL))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("ticketNumber")
            .asString();
    as(operator, get("/api/tickets/" + number)).andExpect(status().isOk());

    var probe = new TopicProbe(bootstrapServers);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var published = probe.recordsFor(Topics.TICKETS_RECEIVED, number);
              assertThat(published).hasSize(1);
              assertThat(
                      EventJson.MAPPER
                          .readValue(published.get(0).value(), TicketReceived.class)
                          .receivedBy())
                  .isEqualTo("operator-li");
              var audit =
                  probe.recordsFor(Topics.AUDIT_TRAIL, "operator-li").stream()
                      .map(record -> EventJson.MAPPER.readValue(record.value(), AuditEntry.class))
                      .filter(entry -> number.equals(entry.target()))
                      .map(entry -> entry.action() + " " + entry.status())
                      .toList();
              assertThat(audit).contains("GET /api/tickets/{ticketNumber} 200");
              assertThat(probe.recordsFor(Topics.AUDIT_TRAIL, "operator-li").toString())
                  .as("no personal data on the audit trail")
                  .doesNotContain("13812345678")
                  .doesNotContain("烧烤");
            });
  }

  private ResultActions as(
      String token,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + token));
  }
}
