package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

  /** A ticket routed later than this after its 201 counts as delayed by the fault. */
  private static final Duration DELAYED = Duration.ofSeconds(2);

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
      var load = new Load(services.get("intake"));
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
        load.useIntake(restart(services, "intake", bootstrap));
        faults.get(3).undone();
        load.awaitAccepted(DURING_FAULT);
      } finally {
        load.stop();
      }

      var probe = new TopicProbe(bootstrap, broker.clientProperties("admin"));
      var ledger = load.ledger();
      await("every ledgered ticket routed")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () ->
                  assertThat(keysOf(probe.readAll(Topics.ROUTING_DECISIONS)))
                      .containsAll(ledger.keySet()));
      var decisions = probe.readAll(Topics.ROUTING_DECISIONS);
      var decisionsPerTicket =
          decisions.stream()
              .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
      var received = keysOf(probe.readAll(Topics.TICKETS_RECEIVED));

      assertThat(ledger).hasSizeGreaterThan(8 * DURING_FAULT);
      assertThat(decisionsPerTicket.values()).as("each ticket routed once").containsOnly(1L);
      // A ticket intake stored but could not answer for (it died with the request open) is a
      // real ticket; it may be routed, but nothing else may appear.
      var unanswered = new ArrayList<>(received);
      unanswered.removeAll(ledger.keySet());
      assertThat(unanswered.size())
          .as("tickets nobody was answered for: %s", unanswered)
          .isLessThanOrEqualTo(load.inDoubt());
      assertThat(decisionsPerTicket.keySet()).containsExactlyInAnyOrderElementsOf(received);

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
                    .isEqualTo(keysOf(probe.readAll(Topics.TICKETS_RECEIVED)).size());
                assertThat(period.get("completed").asLong()).isEqualTo(answeredDirectly);
              });

      var report = report(faults, load, decisions);
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

  private static List<String> keysOf(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::key).distinct().toList();
  }

  /** The report over yesterday and today (Asia/Shanghai): the suite may cross midnight. */
  private static tools.jackson.databind.JsonNode period(ServiceProcess reporting) throws Exception {
    var today = HotlineTime.now(Clock.systemUTC()).toLocalDate();
    var body =
        Load.HTTP
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

  /** What each fault cost, from the load's record and routing's decision times. */
  private static String report(
      List<Fault> faults, Load load, List<ConsumerRecord<String, String>> decisions) {
    var decidedAt =
        decisions.stream()
            .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::timestamp, Math::min));
    var text = new StringBuilder();
    text.append(
            "| fault | until back (healthy) | tickets accepted | requests refused or failed |"
                + " longest time without a 201 |")
        .append(" tickets routed > 2 s after their 201 | slowest routing after its 201 |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (int i = 0; i < faults.size(); i++) {
      var fault = faults.get(i);
      long end = i + 1 < faults.size() ? faults.get(i + 1).start() : load.stoppedAt();
      var accepted =
          load.ledger().entrySet().stream()
              .filter(e -> e.getValue() >= fault.start() && e.getValue() < end)
              .toList();
      long delayed = 0;
      long slowest = 0;
      for (var ticket : accepted) {
        long delay = Math.max(0, decidedAt.get(ticket.getKey()) - ticket.getValue());
        slowest = Math.max(slowest, delay);
        if (delay > DELAYED.toMillis()) {
          delayed++;
        }
      }
      var answers =
          accepted.stream().map(Map.Entry::getValue).sorted(Comparator.naturalOrder()).toList();
      long gap = 0;
      long previous = fault.start();
      for (long at : answers) {
        gap = Math.max(gap, at - previous);
        previous = at;
      }
      var failed = load.failuresBetween(fault.start(), end);
      text.append(
          "| %s | %.1f s | %d | %s | %.1f s | %d | %.1f s |\n"
              .formatted(
                  fault.name(),
                  fault.secondsToUndo(),
                  accepted.size(),
                  failed.isEmpty() ? "0" : failed.toString(),
                  gap / 1000.0,
                  delayed,
                  slowest / 1000.0));
    }
    text.append(
        "\n%d tickets answered with 201 in all; %d requests whose answer was lost (in doubt).\n"
            .formatted(load.ledger().size(), load.inDoubt()));
    return text.toString();
  }

  /** A fault: when it was done and when it was undone (the broker or service back). */
  private static final class Fault {
    private final String name;
    private final long start;
    private long undone;

    Fault(String name, long start) {
      this.name = name;
      this.start = start;
    }

    String name() {
      return name;
    }

    long start() {
      return start;
    }

    void undone() {
      undone = System.currentTimeMillis();
    }

    double secondsToUndo() {
      return (undone - start) / 1000.0;
    }
  }

  private record Failure(long at, String cause) {}

  /**
   * Operators' tickets at a fixed pace to whichever intake is running, with the ledger: ticket
   * number → when its 201 arrived (epoch ms).
   */
  private static final class Load {

    static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final AtomicReference<ServiceProcess> intake;
    private final List<String> bodies;
    private final Map<String, Long> ledger = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger inDoubt = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    private volatile long stoppedAt;

    Load(ServiceProcess intake) {
      this.intake = new AtomicReference<>(intake);
      this.bodies =
          SampleComplaints.load().stream()
              .map(
                  sample -> {
                    var body = new LinkedHashMap<String, Object>();
                    body.put("channel", sample.channel());
                    body.put("content", sample.text());
                    body.put("address", sample.address());
                    return EventJson.MAPPER.writeValueAsString(body);
                  })
              .toList();
    }

    void start() {
      pace.scheduleAtFixedRate(this::take, 0, 1000 / TICKETS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    void useIntake(ServiceProcess restarted) {
      intake.set(restarted);
    }

    Fault fault(String name) {
      return new Fault(name, System.currentTimeMillis());
    }

    void awaitAccepted(int more) {
      int target = ledger.size() + more;
      await(more + " more tickets accepted")
          .atMost(Duration.ofMinutes(2))
          .until(() -> ledger.size() >= target);
    }

    Map<String, Long> ledger() {
      return Map.copyOf(ledger);
    }

    int queued() {
      return queued.get();
    }

    int inDoubt() {
      return inDoubt.get();
    }

    long stoppedAt() {
      return stoppedAt;
    }

    /** The failed requests between two times, counted by cause. */
    Map<String, Long> failuresBetween(long from, long to) {
      return failures.stream()
          .filter(failure -> failure.at() >= from && failure.at() < to)
          .collect(
              Collectors.groupingBy(Failure::cause, java.util.TreeMap::new, Collectors.counting()));
    }

    private void failed(String cause) {
      failures.add(new Failure(System.currentTimeMillis(), cause));
    }

    void stop() throws InterruptedException {
      pace.shutdown();
      pace.awaitTermination(30, TimeUnit.SECONDS);
      stoppedAt = System.currentTimeMillis();
    }

    private void take() {
      String body = bodies.get(sent.getAndIncrement() % bodies.size());
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(intake.get().url("/api/tickets")))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    // The operator signed in; intake limits each principal, not the hotline.
                    .header("Authorization", IdentityProvider.bearer("operator"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          var answer = EventJson.MAPPER.readTree(response.body());
          ledger.put(answer.get("ticketNumber").asString(), System.currentTimeMillis());
          if ("QUEUED".equals(answer.get("status").asString())) {
            queued.incrementAndGet();
          }
        } else {
          failed("HTTP " + response.statusCode());
        }
      } catch (ConnectException | java.net.http.HttpConnectTimeoutException refused) {
        failed("connection refused"); // intake is down: nothing reached it
      } catch (RuntimeException unexpected) {
        // Thrown out of here it would silently end the schedule; counted instead.
        failed(unexpected.getClass().getSimpleName());
      } catch (IOException lost) {
        // The request may have been stored and its answer lost with the process.
        failed(lost.getClass().getSimpleName());
        inDoubt.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
