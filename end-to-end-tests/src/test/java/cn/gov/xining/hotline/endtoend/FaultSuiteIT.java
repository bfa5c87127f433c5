package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The fault suite: the whole system (a broker process of its own and the four service jars) under a
 * steady load of operators' tickets, and one fault after another while the load runs:
 *
 * <ol>
 *   <li>the broker killed with SIGKILL, started again on the same port with the same data;
 *   <li>routing-service killed with SIGKILL, started again;
 *   <li>reporting-service killed, its state directory deleted, started again (it restores its
 *       stores from their changelog topics);
 *   <li>intake killed between storing and publishing: the broker hangs (SIGSTOP) so tickets are
 *       stored and queued, intake is killed with SIGKILL, the broker resumes, intake starts again.
 * </ol>
 *
 * <p>A ledger keeps every ticket number that got a 201. Afterwards every ledgered ticket must be
 * routed exactly once, no ticket may appear that nobody was answered for (beyond requests whose
 * answer was lost when intake died), and the reports must count exactly the tickets received and,
 * as completed, exactly those routing answered directly. What each fault cost (requests refused,
 * the longest time without a 201, tickets whose routing was delayed) goes to {@code
 * target/fault-report.md}; docs/faults.md records a run. Bounded: four faults, about 25 tickets/s,
 * all traffic to 127.0.0.1.
 */
class FaultSuiteIT {

  private static final int TICKETS_PER_SECOND = 25;

  /** Tickets to accept during each fault before it is undone. */
  private static final int DURING_FAULT = 50;

  /** Every process started, stopped after the test whatever happened in it. */
  private final List<ServiceProcess> started = new ArrayList<>();

  private Path data;

  @AfterEach
  void stopEverything() throws Exception {
    for (var service : started) {
      service.close();
    }
    if (data != null) {
      FileSystemUtils.deleteRecursively(data);
    }
  }

  @Test
  void underLoadNoFaultLosesDoublesOrInventsATicket() throws Exception {
    data = Files.createTempDirectory("fault-suite");
    try (var broker = new BrokerProcess(data.resolve("kafka"))) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      var services = new LinkedHashMap<String, ServiceProcess>();
      for (String name : List.of("intake", "routing", "reporting", "handling")) {
        services.put(name, start(name, bootstrap));
      }
      services.values().forEach(ServiceProcess::awaitHealthy);
      var load = new TicketLoad(TICKETS_PER_SECOND, List.of(services.get("intake")));
      var faults = new ArrayList<Fault>();
      try {
        load.start();
        load.awaitAccepted(DURING_FAULT);

        faults.add(load.fault("broker killed (SIGKILL) and restarted"));
        broker.kill();
        load.awaitAccepted(DURING_FAULT);
        broker.start();
        faults.get(0).undone();
        load.awaitAccepted(DURING_FAULT);

        faults.add(load.fault("routing-service killed (SIGKILL) and restarted"));
        services.get("routing").kill();
        load.awaitAccepted(DURING_FAULT);
        restart(services, "routing", bootstrap);
        faults.get(1).undone();
        load.awaitAccepted(DURING_FAULT);

        faults.add(load.fault("reporting-service killed, state deleted, restarted"));
        services.get("reporting").kill();
        // Restored from its changelog topics on start.
        FileSystemUtils.deleteRecursively(data.resolve("reporting"));
        restart(services, "reporting", bootstrap);
        faults.get(2).undone();
        load.awaitAccepted(DURING_FAULT);

        faults.add(load.fault("intake killed between storing and publishing"));
        broker.pause();
        int queuedBefore = load.queued();
        await("tickets stored and queued while the broker hangs")
            .atMost(Duration.ofSeconds(60))
            .until(() -> load.queued() >= queuedBefore + 10);
        services.get("intake").kill();
        broker.resume();
        load.useIntakes(List.of(restart(services, "intake", bootstrap)));
        faults.get(3).undone();
        load.awaitAccepted(DURING_FAULT);
      } finally {
        load.stop();
      }

      var probe = new TopicProbe(bootstrap, broker.clientProperties("admin"));
      var ledger = load.ledger();
      var decisions = LedgerCheck.everyTicketRoutedOnce(probe, load);
      var received = LedgerCheck.keysOf(probe.readAll(Topics.TICKETS_RECEIVED));
      assertThat(ledger).hasSizeGreaterThan(8 * DURING_FAULT);

      // Received, and completed: the tickets answered on the call (nobody works the transferred
      // ones here), which needs each ticket's decision joined to it in reporting's figures.
      long answeredDirectly =
          decisions.stream()
              .map(record -> EventJson.MAPPER.readTree(record.value()).get("outcome").asString())
              .filter("DIRECT"::equals)
              .count();
      var reporting = services.get("reporting");
      await("the reports count every ticket received, once, and those answered directly")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                var period = period(reporting);
                assertThat(period.get("received").asLong())
                    .isEqualTo(LedgerCheck.keysOf(probe.readAll(Topics.TICKETS_RECEIVED)).size());
                assertThat(period.get("completed").asLong()).isEqualTo(answeredDirectly);
              });

      var report = FaultReport.of(faults, load, decisions);
      Path file = Path.of("target", "fault-report.md");
      Files.writeString(file, report);
      System.out.println(report);
    }
  }

  private ServiceProcess start(String name, String bootstrap) throws Exception {
    var service = ServiceProcess.start(name, bootstrap, data);
    started.add(service);
    return service;
  }

  private ServiceProcess restart(
      Map<String, ServiceProcess> services, String name, String bootstrap) throws Exception {
    var restarted = start(name, bootstrap);
    restarted.awaitHealthy();
    services.put(name, restarted);
    return restarted;
  }

  /** The report over yesterday and today (Asia/Shanghai): the suite may cross midnight. */
  private static tools.jackson.databind.JsonNode period(ServiceProcess reporting) throws Exception {
    var today = HotlineTime.now(Clock.systemUTC()).toLocalDate();
    var body =
        TicketLoad.HTTP
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            reporting.url(
                                "/api/reports/periods?from="
                                    + today.minusDays(1)
                                    + "&to="
                                    + today)))
                    .header("Authorization", IdentityProvider.bearer("manager"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return EventJson.MAPPER.readTree(body);
  }
}
