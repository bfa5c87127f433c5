package cn.gov.xining.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.CleanAnswers;
import cn.gov.xining.hotline.testsupport.HostileJson;
import cn.gov.xining.hotline.testsupport.SignedInAs;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A bounded fuzz of what reporting reads (HostileJson, a fixed seed): every report's dates, spans,
 * labels and limits as a manager's careless link or a hostile client would send them, and broken
 * events on the three topics it counts. No 5xx, every refusal a problem, and the counting goes on.
 */
@SignedInAs("MANAGER")
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "hotline.data-dir=${java.io.tmpdir}/reporting-hostile-${random.uuid}"
    })
@EmbeddedKafka(partitions = 3)
@AutoConfigureMockMvc
class HostileInputTest {

  private static final long SEED = 20261206L;
  private static final List<String> PATHS =
      List.of(
          "/api/reports/days/%s",
          "/api/reports/days/%s/bulletin",
          "/api/reports/days/%s/csv",
          "/api/reports/weeks/%s",
          "/api/reports/weeks/%s/bulletin",
          "/api/reports/batches/%s",
          "/api/reports/periods?from=%s&to=2026-01-31",
          "/api/reports/periods?from=2026-01-01&to=%s",
          "/api/reports/breakdown?from=%s&to=2026-01-31",
          "/api/reports/trend?days=%s",
          "/api/reports/trend?until=%s",
          "/api/reports/daily?date=%s",
          "/api/reports/months/%s",
          "/api/reports/years/%s",
          "/api/reports/open?from=%s&to=2026-01-31",
          "/api/reports/days/%s/xlsx",
          "/api/reports/days/%s/print",
          "/api/reports/weeks/%s/xlsx",
          "/api/reports/weeks/%s/print",
          "/api/reports/months/%s/xlsx",
          "/api/reports/years/%s/xlsx",
          "/api/reports/periods/xlsx?from=%s&to=2026-01-31",
          "/api/reports/breakdown/xlsx?from=2026-01-01&to=%s",
          "/api/reports/batches/%s/xlsx",
          "/api/audit?from=%s",
          "/api/audit?limit=%s",
          "/api/audit?principal=%s&ticket=%s");

  @Autowired MockMvc mvc;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void noHostileReportRequestAnswers5xxAndEveryRefusalIsAProblem() throws Exception {
    var texts = HostileJson.texts(SEED, 60);
    for (String path : PATHS) {
      for (String text : texts) {
        String value = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = path.replace("%s", value);
        var request = get(java.net.URI.create(uri));
        if (uri.startsWith("/api/audit")) {
          request.header("Authorization", "Bearer " + TestIssuer.shared().staff("AUDITOR"));
        }
        CleanAnswers.assertClean(
            mvc.perform(request).andReturn(),
            uri.length() > 120 ? uri.substring(0, 120) + "…" : uri);
      }
    }
  }

  @Test
  void brokenEventsOnEveryCountedTopicAreDeadLetteredAndLaterTicketsStillCount() throws Exception {
    var probe = new TopicProbe(bootstrapServers);
    String valid =
        """
        {"eventId":"6f1c8a36-6b7e-4c43-9d84-6f5d6c0d4d7e","ticketNumber":"260131-01-0001",
         "receivedAt":"2026-01-31T09:00:00+08:00","channel":"hotline-phone",
         "appealType":"COMPLAINT","content":"暖气不热","districtCode":"630104"}
        """;
    for (String topic :
        List.of(Topics.TICKETS_RECEIVED, Topics.ROUTING_DECISIONS, Topics.TICKET_LIFECYCLE)) {
      for (var hostile : HostileJson.variants(valid, SEED, 60)) {
        probe.sendRaw(topic, "hostile-" + hostile.index(), hostile.body());
      }
    }

    // when a real ticket follows
    probe.receive("家中暖气不热，已经一周。", "城西区胜利路", "630104", "heating");

    // then it is counted on its day: the streams did not stop
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              String report =
                  mvc.perform(get("/api/reports/days/2026-01-31"))
                      .andReturn()
                      .getResponse()
                      .getContentAsString();
              assertThat(JsonPath.<Integer>read(report, "$.received")).isPositive();
            });
    mvc.perform(get("/actuator/health"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
  }
}
