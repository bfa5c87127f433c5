package cn.gov.xining.hotline.endtoend;

import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Operators' tickets at a fixed pace, with the ledger: ticket number → when its 201 arrived (epoch
 * ms). With several intake instances it spreads the tickets over them as a load balancer does and,
 * as a load balancer does, sends a ticket that an instance refused to connect for to the next one
 * (nothing reached the first); a request whose answer was lost is not sent again (it may have been
 * stored) and counts as in doubt.
 */
final class TicketLoad {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private record Failure(long at, String cause) {}

  private final int ticketsPerSecond;
  private final AtomicReference<List<ServiceProcess>> intakes;
  private final List<String> bodies;
  private final Map<String, Long> ledger = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger inDoubt = new AtomicInteger();
  private final AtomicInteger failedOver = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
  private volatile long stoppedAt;

  TicketLoad(int ticketsPerSecond, List<ServiceProcess> intakes) {
    this.ticketsPerSecond = ticketsPerSecond;
    this.intakes = new AtomicReference<>(List.copyOf(intakes));
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
    pace.scheduleAtFixedRate(this::take, 0, 1000 / ticketsPerSecond, TimeUnit.MILLISECONDS);
  }

  /** The instances to send to from now on (one restarted on another port, say). */
  void useIntakes(List<ServiceProcess> restarted) {
    intakes.set(List.copyOf(restarted));
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

  /** Tickets an instance refused to connect for, taken by another. */
  int failedOver() {
    return failedOver.get();
  }

  long stoppedAt() {
    return stoppedAt;
  }

  /** The failed requests between two times, counted by cause. */
  Map<String, Long> failuresBetween(long from, long to) {
    return failures.stream()
        .filter(failure -> failure.at() >= from && failure.at() < to)
        .collect(Collectors.groupingBy(Failure::cause, TreeMap::new, Collectors.counting()));
  }

  void stop() throws InterruptedException {
    pace.shutdown();
    pace.awaitTermination(30, TimeUnit.SECONDS);
    stoppedAt = System.currentTimeMillis();
  }

  private void failed(String cause) {
    failures.add(new Failure(System.currentTimeMillis(), cause));
  }

  private void take() {
    int ticket = sent.getAndIncrement();
    String body = bodies.get(ticket % bodies.size());
    var instances = intakes.get();
    try {
      for (int attempt = 0; attempt < instances.size(); attempt++) {
        var intake = instances.get((ticket + attempt) % instances.size());
        try {
          answered(send(intake, body));
          if (attempt > 0) {
            failedOver.incrementAndGet();
          }
          return;
        } catch (ConnectException | HttpConnectTimeoutException refused) {
          // That instance is down and nothing reached it: the next one, if there is one.
        }
      }
      failed("connection refused");
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

  private static HttpResponse<String> send(ServiceProcess intake, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(intake.url("/api/tickets")))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            // The operator signed in; intake limits each principal, not the hotline.
            .header("Authorization", IdentityProvider.bearer("operator"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void answered(HttpResponse<String> response) {
    if (response.statusCode() == 201) {
      var answer = EventJson.MAPPER.readTree(response.body());
      ledger.put(answer.get("ticketNumber").asString(), System.currentTimeMillis());
      if ("QUEUED".equals(answer.get("status").asString())) {
        queued.incrementAndGet();
      }
    } else {
      failed("HTTP " + response.statusCode());
    }
  }
}
