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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite on the cluster, as {@code bin/hotline up --cluster} runs it: three brokers
 * (replication factor 3, two in sync), one PostgreSQL for intake, two instances of each service,
 * under a steady load of operators' tickets spread over both intake instances, while the staff's
 * screens ask every running instance. One fault after another:
 *
 * <ol>
 *   <li>a broker killed with SIGKILL, started again;
 *   <li>one instance of each service killed with SIGKILL at once, started again;
 *   <li>a rolling restart: every instance stopped (SIGTERM) and started again, one after the other,
 *       each healthy before the next stops.
 * </ol>
 *
 * <p>Afterwards: every ticket that got a 201 routed exactly once, every transfer has exactly one
 * case, both reporting instances count exactly the tickets received and completed, cases and
 * tickets are found from either instance, and no instance needed more than its 256 MB heap. What
 * each fault cost goes to {@code target/cluster-fault-report.md}; docs/faults.md records a run.
 */
class ClusterFaultSuiteIT {

  private static final int TICKETS_PER_SECOND = 10;

  /** Tickets to accept during each fault before it is undone, and after. */
  private static final int DURING_FAULT = 30;

  private static final List<String> SERVICES =
      List.of("intake", "routing", "reporting", "handling");

  /** Eight services starting at once beside three brokers on two cores: minutes, not seconds. */
  private static final Duration STARTING = Duration.ofMinutes(5);

  private static final long HEAP_LIMIT = 256L * 1024 * 1024;

  /** Every process started, stopped after the test whatever happened in it. */
  private final List<AutoCloseable> started = new ArrayList<>();

  /** The instances of each service that are up and healthy now: the ones the screens ask. */
  private final Map<String, List<ServiceProcess>> running = new LinkedHashMap<>();

  /** How long each instance took to stop on SIGTERM in the rolling restart. */
  private final Map<String, String> stopTimes = new java.util.concurrent.ConcurrentSkipListMap<>();

  private Path data;
  private String bootstrap;
  private DatabaseProcess database;

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
    if (data != null) {
      FileSystemUtils.deleteRecursively(data);
    }
  }

  @Test
  void onTheClusterNoFaultLosesOrDoublesATicketAndTheSurvivorsKeepAnswering() throws Exception {
    // Readable by others: as root, PostgreSQL runs as nobody and must reach its directory in here.
    data =
        Files.createTempDirectory(
            "cluster-fault-suite",
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
    var cluster = new BrokerCluster(data.resolve("kafka"));
    started.add(cluster);
    cluster.start();
    bootstrap = cluster.bootstrapServers();
    database = DatabaseProcess.start(data.resolve("postgres"));
    started.add(database);
    for (String service : SERVICES) {
      running.put(service, new CopyOnWriteArrayList<>());
    }
    var launched = new ArrayList<ServiceProcess[]>();
    for (String service : SERVICES) {
      launched.add(new ServiceProcess[] {launch(service, 1), launch(service, 2)});
    }
    for (int i = 0; i < SERVICES.size(); i++) {
      for (var instance : launched.get(i)) {
        instance.awaitHealthy(STARTING);
        running.get(SERVICES.get(i)).add(instance);
      }
    }

    var probe = new TopicProbe(bootstrap, cluster.clientProperties("admin"));
    var load = new TicketLoad(TICKETS_PER_SECOND, running.get("intake"));
    var openCase = new AtomicReference<String>();
    var today = HotlineTime.now(Clock.systemUTC()).toLocalDate();
    var watch =
        new EndpointWatch(
            List.of(
                new EndpointWatch.Question("intake", () -> ticketPath(load), "operator"),
                new EndpointWatch.Question("routing", () -> "/api/routing/triage", "dispatcher"),
                new EndpointWatch.Question(
                    "reporting", () -> "/api/reports/days/" + today, "manager"),
                new EndpointWatch.Question(
                    "handling",
                    () -> openCase.get() == null ? null : "/api/cases/" + openCase.get(),
                    "manager")),
            running::get);
    var faults = new ArrayList<Fault>();
    try {
      load.start();
      watch.start();
      load.awaitAccepted(DURING_FAULT);
      openCase.set(firstTransfer(probe));

      faults.add(load.fault("broker 2 of 3 killed (SIGKILL) and restarted"));
      cluster.node(2).kill();
      load.awaitAccepted(DURING_FAULT);
      cluster.node(2).start();
      faults.get(faults.size() - 1).undone();
      load.awaitAccepted(DURING_FAULT);

      faults.add(load.fault("one instance of each service killed (SIGKILL) and restarted"));
      var killed = new ArrayList<ServiceProcess>();
      for (String service : SERVICES) {
        var first = running.get(service).get(0);
        running.get(service).remove(first);
        first.kill();
        killed.add(first);
      }
      load.awaitAccepted(DURING_FAULT);
      var restarted = new ArrayList<ServiceProcess>();
      for (String service : SERVICES) {
        restarted.add(launch(service, 1));
      }
      for (int i = 0; i < SERVICES.size(); i++) {
        restarted.get(i).awaitHealthy(STARTING);
        running.get(SERVICES.get(i)).add(restarted.get(i));
      }
      load.useIntakes(running.get("intake"));
      faults.get(faults.size() - 1).undone();
      load.awaitAccepted(DURING_FAULT);

      faults.add(
          load.fault("rolling restart of all eight instances (SIGTERM, one of each at a time)"));
      // The services roll side by side, each one instance at a time: first every instance 1,
      // then every instance 2, each healthy again before its twin stops.
      for (int number = 1; number <= 2; number++) {
        var stopping = new ArrayList<ServiceProcess>();
        for (String service : SERVICES) {
          var instance = instanceNumbered(service, number);
          running.get(service).remove(instance);
          stopping.add(instance);
        }
        load.useIntakes(running.get("intake"));
        stopAll(stopping);
        var again = new ArrayList<ServiceProcess>();
        for (String service : SERVICES) {
          again.add(launch(service, number));
        }
        for (int i = 0; i < SERVICES.size(); i++) {
          again.get(i).awaitHealthy(STARTING);
          running.get(SERVICES.get(i)).add(again.get(i));
        }
        load.useIntakes(running.get("intake"));
      }
      faults.get(faults.size() - 1).undone();
      load.awaitAccepted(DURING_FAULT);
    } finally {
      load.stop();
      watch.stop();
    }

    var ledger = load.ledger();
    var decisions = LedgerCheck.everyTicketRoutedOnce(probe, load);
    var received = LedgerCheck.keysOf(probe.readAll(Topics.TICKETS_RECEIVED));

    var transferred =
        decisions.stream()
            .filter(record -> "TRANSFER".equals(outcome(record)))
            .map(ConsumerRecord::key)
            .toList();
    long answeredDirectly = decisions.stream().filter(r -> "DIRECT".equals(outcome(r))).count();
    await("one case for every transfer")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              var opened =
                  probe.readAll(Topics.TICKET_LIFECYCLE).stream()
                      .filter(record -> record.value().contains("\"OPENED\""))
                      .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
              assertThat(opened.keySet()).containsExactlyInAnyOrderElementsOf(transferred);
              assertThat(opened.values()).as("cases per transfer").containsOnly(1L);
            });

    for (var reporting : running.get("reporting")) {
      await("reporting on " + reporting.url("") + " counts the ledger")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                var period = get(reporting, periodPath(), "manager");
                assertThat(period.get("received").asLong()).isEqualTo(received.size());
                assertThat(period.get("completed").asLong()).isEqualTo(answeredDirectly);
              });
    }
    String someCase = transferred.get(transferred.size() - 1);
    String someTicket = ledger.keySet().iterator().next();
    for (int i = 0; i < 2; i++) {
      assertThat(status(running.get("handling").get(i), "/api/cases/" + someCase, "manager"))
          .as("the case from handling instance %d", i + 1)
          .isEqualTo(200);
      assertThat(status(running.get("intake").get(i), "/api/tickets/" + someTicket, "operator"))
          .as("the ticket from intake instance %d", i + 1)
          .isEqualTo(200);
    }
    // Every failed request was one whose answer was lost on a killed intake: the load balancer's
    // failover took every other, and the screens on intake and routing never lost an answer.
    assertThat(load.failuresBetween(0, Long.MAX_VALUE).values().stream().mapToLong(n -> n).sum())
        .as("requests refused or failed: %s", load.failuresBetween(0, Long.MAX_VALUE))
        .isEqualTo(load.inDoubt());
    assertThat(watch.failuresBetween(0, Long.MAX_VALUE))
        .as("what the screens on intake and routing were refused")
        .noneMatch(failure -> failure.startsWith("intake") || failure.startsWith("routing"));

    var heaps = new LinkedHashMap<String, String>();
    for (var service : running.entrySet()) {
      for (var instance : service.getValue()) {
        long max = heap(instance, "jvm.memory.max");
        long used = heap(instance, "jvm.memory.used");
        assertThat(max).as("%s's heap limit", instance.url("")).isLessThanOrEqualTo(HEAP_LIMIT);
        heaps.put(
            service.getKey() + " " + instance.instanceNumber(),
            "%d MB of %d MB".formatted(used >> 20, max >> 20));
      }
    }

    var report = new StringBuilder(FaultReport.of(faults, load, decisions));
    report.append("\n| fault | answers from the running instances |\n| --- | --- |\n");
    for (int i = 0; i < faults.size(); i++) {
      long end = i + 1 < faults.size() ? faults.get(i + 1).start() : load.stoppedAt();
      report
          .append("| ")
          .append(faults.get(i).name())
          .append(" | ")
          .append(watch.between(faults.get(i).start(), end))
          .append(" |\n");
    }
    report.append("\nStopping on SIGTERM in the rolling restart took: ").append(stopTimes);
    report.append("\n\nHeap in use at the end (each instance runs with -Xmx256m): ").append(heaps);
    Files.writeString(Path.of("target", "cluster-fault-report.md"), report);
    System.out.println(report);
  }

  /** Instance 1 or 2 of a service, its data directory its own, on the cluster. */
  private ServiceProcess launch(String service, int number) throws Exception {
    var options = new ArrayList<>(List.of("--hotline.kafka.replication-factor=3"));
    if (service.equals("intake")) {
      options.addAll(database.intakeOptions());
    }
    if (service.equals("routing")) {
      options.add("--hotline.instance-id=" + number);
    }
    var instance =
        ServiceProcess.start(
            service,
            bootstrap,
            data.resolve(service + "-" + number),
            number,
            options.toArray(String[]::new));
    started.add(instance);
    return instance;
  }

  private ServiceProcess instanceNumbered(String service, int number) {
    return running.get(service).stream()
        .filter(instance -> instance.instanceNumber() == number)
        .findFirst()
        .orElseThrow();
  }

  /**
   * SIGTERM to all at once, as a rolling upgrade's orchestrator does; waits for each to end and
   * notes how long it took (graceful: requests in flight finish, consumers leave their groups).
   */
  private void stopAll(List<ServiceProcess> instances) throws Exception {
    var stops = new ArrayList<Thread>();
    for (var instance : instances) {
      var stop =
          new Thread(
              () -> {
                long start = System.nanoTime();
                try {
                  instance.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                stopTimes.put(
                    instance.url(""), "%.1f s".formatted((System.nanoTime() - start) / 1e9));
              });
      stop.start();
      stops.add(stop);
    }
    for (var stop : stops) {
      stop.join();
    }
  }

  /** A ticket the load was answered for: intake's shared database has it for either instance. */
  private static String ticketPath(TicketLoad load) {
    var ledger = load.ledger();
    return ledger.isEmpty() ? null : "/api/tickets/" + ledger.keySet().iterator().next();
  }

  private static String firstTransfer(TopicProbe probe) {
    return await("a transferred ticket")
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                probe.readAll(Topics.ROUTING_DECISIONS).stream()
                    .filter(record -> "TRANSFER".equals(outcome(record)))
                    .map(ConsumerRecord::key)
                    .findFirst()
                    .orElse(null),
            number -> number != null);
  }

  private static String outcome(ConsumerRecord<String, String> decision) {
    return EventJson.MAPPER.readTree(decision.value()).get("outcome").asString();
  }

  /** The report over yesterday and today (Asia/Shanghai): the suite may cross midnight. */
  private static String periodPath() {
    var today = HotlineTime.now(Clock.systemUTC()).toLocalDate();
    return "/api/reports/periods?from=" + today.minusDays(1) + "&to=" + today;
  }

  private static long heap(ServiceProcess instance, String metric) throws Exception {
    var body = get(instance, "/actuator/metrics/" + metric + "?tag=area:heap", "operations");
    return body.get("measurements").get(0).get("value").asLong();
  }

  private static JsonNode get(ServiceProcess instance, String path, String principal)
      throws Exception {
    var response = send(instance, path, principal);
    assertThat(response.statusCode()).as("GET %s", instance.url(path)).isEqualTo(200);
    return EventJson.MAPPER.readTree(response.body());
  }

  private static int status(ServiceProcess instance, String path, String principal)
      throws Exception {
    return send(instance, path, principal).statusCode();
  }

  private static HttpResponse<String> send(ServiceProcess instance, String path, String principal)
      throws Exception {
    return TicketLoad.HTTP.send(
        HttpRequest.newBuilder(URI.create(instance.url(path)))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", IdentityProvider.bearer(principal))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
