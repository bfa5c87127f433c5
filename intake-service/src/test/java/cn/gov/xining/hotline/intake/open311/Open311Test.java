package cn.gov.xining.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
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

/** GeoReport v2 as a city app would use it, in JSON and XML, on a real broker. */
@SignedInAs(value = "GATEWAY", channel = "city-portal")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.datasource.url=jdbc:h2:mem:intake-open311;DB_CLOSE_DELAY=-1"
    })
@EmbeddedKafka(partitions = 1)
@AutoConfigureMockMvc
class Open311Test {

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void discoveryNamesTheSpecificationAndBothFormats() throws Exception {
    mvc.perform(get("/open311/v2/discovery.json"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
        .andExpect(
            jsonPath("$.endpoints[0].formats")
                .value(Matchers.hasItems("text/xml", "application/json")));
  }

  @Test
  void theServicesAreTheCatalogsTopicsInJsonAndXml() throws Exception {
    mvc.perform(get("/open311/v2/services.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(19))
        .andExpect(
            jsonPath("$[?(@.service_code=='heating')].service_name")
                .value(Matchers.hasItem("供暖问题")));
    mvc.perform(get("/open311/v2/services.xml"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
        .andExpect(xpath("count(/services/service)").number(19.0))
        .andExpect(xpath("/services/service[service_code='heating']/type").string("realtime"));
  }

  @Test
  void aFormEncodedRequestIsTakenAsATicketAndFollowedToClosed() throws Exception {
    var created =
        mvc.perform(
                post("/open311/v2/requests.json")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("service_code", "heating")
                    .param("description", "家中暖气不热，室温只有十五度。")
                    .param("address_string", "城西区胜利路8号")
                    .param("lat", "36.62")
                    .param("long", "101.76")
                    .param("phone", "13912345678"))
            .andExpect(status().isCreated())
            .andExpect(
                jsonPath("$[0].service_request_id")
                    .value(Matchers.matchesPattern("\\d{6}-01-\\d{4,}")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$[0].service_request_id");

    mvc.perform(get("/open311/v2/requests/" + id + ".json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value("open"))
        .andExpect(jsonPath("$[0].service_code").value("heating"))
        .andExpect(jsonPath("$[0].description").value("家中暖气不热，室温只有十五度。"))
        .andExpect(jsonPath("$[0].lat").value(36.62))
        .andExpect(
            jsonPath("$[0].requested_datetime")
                .value(Matchers.matchesPattern(".*T\\d\\d:\\d\\d:\\d\\d\\+08:00")));
    var ticket = new TopicProbe(bootstrapServers).recordsFor(Topics.TICKETS_RECEIVED, id);
    assertThat(ticket)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.value())
                    .contains("\"channel\":\"city-portal\"")
                    .doesNotContain("13912345678"));

    new TopicProbe(bootstrapServers)
        .sendRaw(
            Topics.ROUTING_DECISIONS,
            id,
            EventJson.MAPPER.writeValueAsString(decision(id, RoutingOutcome.TRANSFER)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                    .andExpect(xpath("/service_requests/request/status").string("open"))
                    .andExpect(
                        xpath("/service_requests/request/agency_responsible")
                            .string("市供热管理办公室及供热企业"))
                    .andExpect(
                        xpath("/service_requests/request/expected_datetime")
                            .string("2026-02-02T10:00:00+08:00")));

    mvc.perform(
            get("/open311/v2/requests.json").param("service_request_id", id + ",990101-01-0001"))
        .andExpect(jsonPath("$.length()").value(1));
    mvc.perform(
            get("/open311/v2/requests.json")
                .param("service_code", "heating")
                .param("status", "open"))
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItem(id)));
    mvc.perform(get("/open311/v2/requests.json").param("status", "closed"))
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.not(Matchers.hasItem(id))));
  }

  @Test
  void aRequestAnsweredDirectlyIsClosed() throws Exception {
    var created =
        mvc.perform(
                post("/open311/v2/requests.json")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("service_code", "policy-consultation")
                    .param("description", "咨询灵活就业人员社保缴费标准。")
                    .param("address_string", "城中区"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$[0].service_request_id");
    new TopicProbe(bootstrapServers)
        .sendRaw(
            Topics.ROUTING_DECISIONS,
            id,
            EventJson.MAPPER.writeValueAsString(decision(id, RoutingOutcome.DIRECT)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/open311/v2/requests.json").param("status", "closed"))
                    .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItem(id))));
  }

  @Test
  void errorsAreTheSpecificationsListOfCodeAndDescriptionInEitherFormat() throws Exception {
    mvc.perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("description", "路灯不亮")
                .param("address_string", "城东区"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$[0].code").value(400))
        .andExpect(jsonPath("$[0].description").value(Matchers.containsString("service_code")));
    mvc.perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("address_string", "城东区"))
        .andExpect(status().isBadRequest())
        .andExpect(xpath("count(/errors/error)").number(2.0))
        .andExpect(xpath("/errors/error[1]/code").string("400"))
        .andExpect(xpath("/errors/error/description[starts-with(., 'service_code')]").exists())
        .andExpect(xpath("/errors/error/description[starts-with(., 'description')]").exists());
    mvc.perform(get("/open311/v2/requests/990101-01-0001.xml"))
        .andExpect(status().isNotFound())
        .andExpect(xpath("/errors/error/code").string("404"));
  }

  @Test
  void anUnknownServiceCodeIsNotFound() throws Exception {
    mvc.perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("service_code", "potholes")
                .param("description", "路面有坑")
                .param("address_string", "城东区"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$[0].code").value(404))
        .andExpect(jsonPath("$[0].description").value(Matchers.containsString("potholes")));
    mvc.perform(get("/open311/v2/requests.xml").param("service_code", "heating,potholes"))
        .andExpect(status().isNotFound())
        .andExpect(xpath("/errors/error/code").string("404"));
  }

  @Test
  void theCitysJurisdictionOrNoneIsServedAndAnotherIsNotFoundOnEveryEndpoint() throws Exception {
    String id = submit("heating", "暖气片漏水。");
    var endpoints =
        List.of(
            get("/open311/v2/discovery.json"),
            get("/open311/v2/services.json"),
            get("/open311/v2/requests.json"),
            get("/open311/v2/requests/" + id + ".json"),
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("service_code", "heating")
                .param("description", "暖气片漏水。")
                .param("address_string", "城西区"));
    for (var endpoint : endpoints) {
      mvc.perform(endpoint.param("jurisdiction_id", "beijing.gov.cn"))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$[0].code").value(404))
          .andExpect(jsonPath("$[0].description").value(Matchers.containsString("jurisdiction")));
    }

    mvc.perform(
            get("/open311/v2/requests/" + id + ".json").param("jurisdiction_id", "xining.gov.cn"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].service_request_id").value(id));
    mvc.perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("jurisdiction_id", "xining.gov.cn")
                .param("service_code", "heating")
                .param("description", "暖气片漏水。")
                .param("address_string", "城西区"))
        .andExpect(status().isCreated());
  }

  @Test
  void requestsAreListedForSeveralServicesWithinNinetyDaysAtMost() throws Exception {
    String heating = submit("heating", "暖气不热。");
    String water = submit("water-supply", "小区停水。");
    String noise = submit("noise-construction", "夜间施工噪声扰民。");

    mvc.perform(get("/open311/v2/requests.json").param("service_code", "heating, water-supply"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[*].service_request_id")
                .value(
                    Matchers.allOf(
                        Matchers.hasItems(water, heating), Matchers.not(Matchers.hasItem(noise)))))
        .andExpect(
            jsonPath("$[*].service_code")
                .value(Matchers.everyItem(Matchers.in(List.of("heating", "water-supply")))));
    mvc.perform(
            get("/open311/v2/requests.json")
                .param("start_date", "2026-01-01T00:00:00+08:00")
                .param("end_date", "2026-04-02T00:00:00+08:00"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$[0].code").value(400))
        .andExpect(jsonPath("$[0].description").value(Matchers.containsString("90 days")));
    mvc.perform(get("/open311/v2/requests.xml").param("start_date", "2020-01-01T00:00:00+08:00"))
        .andExpect(status().isBadRequest())
        .andExpect(xpath("/errors/error/code").string("400"));
    // Without dates, the last 90 days: what was just submitted is there.
    mvc.perform(get("/open311/v2/requests.json"))
        .andExpect(
            jsonPath("$[*].service_request_id").value(Matchers.hasItems(heating, water, noise)));
  }

  @Test
  void aTicketWhoseTopicRoutingDecidedIsListedUnderThatService() throws Exception {
    var created =
        mvc.perform(
                post("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"channel\":\"city-portal\",\"content\":\"家里暖气一直不热。\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.ticketNumber");
    mvc.perform(get("/open311/v2/requests/" + id + ".json"))
        .andExpect(jsonPath("$[0].service_code").value(Matchers.nullValue()));

    new TopicProbe(bootstrapServers)
        .sendRaw(
            Topics.ROUTING_DECISIONS,
            id,
            EventJson.MAPPER.writeValueAsString(decision(id, RoutingOutcome.TRANSFER)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                    .andExpect(jsonPath("$[0].service_code").value("heating"))
                    .andExpect(jsonPath("$[0].service_name").value("供暖问题")));
    mvc.perform(get("/open311/v2/requests.json").param("service_code", "heating"))
        .andExpect(jsonPath("$[*].service_request_id").value(Matchers.hasItem(id)));
  }

  @Test
  void errorsBeforeAnyEndpointAnswersAreInTheSpecificationsFormatToo() throws Exception {
    mvc.perform(
            post("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"service_code\":\"heating\"}"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$[0].code").value(415))
        .andExpect(jsonPath("$[0].description").value(Matchers.containsString("表单")));
    mvc.perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"service_code\":\"heating\"}"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
        .andExpect(xpath("/errors/error/code").string("415"));
    mvc.perform(put("/open311/v2/requests.json"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$[0].code").value(405));
    mvc.perform(
            post("/open311/v2/requests.xml")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("description=" + "长".repeat(30_000)))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
        .andExpect(xpath("/errors/error/code").string("413"));
  }

  private String submit(String serviceCode, String description) throws Exception {
    var created =
        mvc.perform(
                post("/open311/v2/requests.json")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("service_code", serviceCode)
                    .param("description", description)
                    .param("address_string", "城西区胜利路8号"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(created, "$[0].service_request_id");
  }

  private static TicketRouted decision(String id, RoutingOutcome outcome) {
    boolean transfer = outcome == RoutingOutcome.TRANSFER;
    return new TicketRouted(
        UUID.randomUUID(),
        id,
        OffsetDateTime.now(),
        OffsetDateTime.parse("2026-01-31T10:00:00+08:00"),
        "city-portal",
        outcome,
        transfer ? "heating" : "policy-consultation",
        null,
        transfer ? "heating" : "hotline",
        List.of(),
        "test-rule",
        "test",
        transfer ? "供暖问题" : "政策咨询，热线直接答复",
        transfer ? OffsetDateTime.parse("2026-02-02T10:00:00+08:00") : null,
        Priority.NORMAL);
  }
}
