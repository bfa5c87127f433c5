package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Nothing the operator got a number for is lost or doubled: the broker goes away while tickets are
 * taken, intake is killed with SIGKILL while they sit in its outbox (stored, not published), then
 * the broker and intake come back. Every ticket that got a 201 must reach routing exactly once.
 */
class IntakeOutageIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void ticketsStoredDuringABrokerOutageSurviveAnIntakeCrashAndAreRoutedOnceEach() throws Exception {
    var data = Files.createTempDirectory("intake-outage");
    try (var broker = RestartableBroker.secured(SecuredKafka.SECURITY_FILE)) {
      broker.start();
      var ledger = new ArrayList<String>();
      try (var routing = ServiceProcess.start("routing", broker.bootstrapServers(), data)) {
        routing.awaitHealthy();
        var intake = ServiceProcess.start("intake", broker.bootstrapServers(), data);
        intake.awaitHealthy();
        for (int i = 0; i < 10; i++) {
          // Usually acknowledged at once; on a loaded machine the fresh process's producer may
          // take longer than the operator's wait, and a queued ticket belongs in the ledger too.
          ledger.add(take(intake, i, "PUBLISHED", "QUEUED"));
        }

        broker.stop();
        for (int i = 10; i < 40; i++) {
          ledger.add(take(intake, i, "QUEUED"));
        }
        intake.kill();

        broker.start();
        try (var restarted = ServiceProcess.start("intake", broker.bootstrapServers(), data)) {
          restarted.awaitHealthy();
          var probe = SecuredKafka.adminProbe(broker);
          await("every ledgered ticket routed")
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofSeconds(1))
              .untilAsserted(
                  () -> {
                    assertThat(keysOf(probe.readAll(Topics.TICKETS_RECEIVED)))
                        .as("published")
                        .containsAll(ledger);
                    assertThat(keysOf(probe.readAll(Topics.ROUTING_DECISIONS)))
                        .as("routed")
                        .containsAll(ledger);
                  });

          var received = countByKey(probe.readAll(Topics.TICKETS_RECEIVED));
          assertThat(received).containsOnlyKeys(ledger);
          assertThat(received.values()).as("each ticket published once").containsOnly(1L);
          var decided = countByKey(probe.readAll(Topics.ROUTING_DECISIONS));
          assertThat(decided).containsOnlyKeys(ledger);
          assertThat(decided.values()).as("each ticket routed once").containsOnly(1L);
          String last = ledger.get(ledger.size() - 1);
          await("intake shows where the last one went")
              .atMost(Duration.ofSeconds(60))
              .until(() -> get(restarted, "/api/tickets/" + last).contains("TRANSFERRED"));
        }
      }
    }
  }

  private static String take(ServiceProcess intake, int i, String... acceptedStatuses)
      throws Exception {
    String body =
        """
        {"channel":"hotline-phone","appealType":"COMPLAINT","districtCode":"630105",
         "topicCode":"wage-arrears","content":"来电人反映工地拖欠工资，第%d位工人。",
         "callerPhone":"1381234%04d"}
        """
            .formatted(i, i);
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(intake.url("/api/tickets")))
                .header("Authorization", IdentityProvider.bearer("operator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(JsonPath.<String>read(response.body(), "$.status")).isIn(List.of(acceptedStatuses));
    return JsonPath.read(response.body(), "$.ticketNumber");
  }

  private static String get(ServiceProcess service, String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Authorization", IdentityProvider.bearer("operator"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static List<String> keysOf(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::key).distinct().toList();
  }

  private static Map<String, Long> countByKey(List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
  }
}
