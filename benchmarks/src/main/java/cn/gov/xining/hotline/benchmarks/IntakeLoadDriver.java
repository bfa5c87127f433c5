package cn.gov.xining.hotline.benchmarks;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import cn.gov.xining.hotline.testsupport.SignIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Measures intake-service as operators use it: realistic tickets POSTed at a fixed rate (open loop:
 * latency counts from when a request was due, so a stalled server cannot hide its stall by slowing
 * the driver down), then the percentiles of the time to the 201, how many went straight to Kafka,
 * and intake's peak heap read from its actuator. Before that, in the same run, Kafka's own {@code
 * ProducerPerformance} sends the same number of records of the same size (acks=all) to the same
 * broker: the physical reference the result is compared with.
 *
 * <p>Run from the repository root (ProducerPerformance comes from {@code local-broker/target/lib}).
 */
public final class IntakeLoadDriver {

  static final Pattern PERF_LINE =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec .*?([\\d.]+) ms avg latency.*?(\\d+) ms 99th");

  /** Concurrent connections: operators' desks, each with one request in flight. */
  private static final int WORKERS = Integer.getInteger("workers", 64);

  private IntakeLoadDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: IntakeLoadDriver <intake-url> <bootstrap> <tickets-per-second> <seconds>"
              + " [warm-up-seconds, default 10]");
      System.exit(2);
    }
    String intake = args[0];
    String bootstrap = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    var bodies = realisticTickets();
    int recordSize = averageEventSize(bodies.size());

    // Enough records for the producer to reach its steady state, whatever the intake run's size.
    String reference =
        producerPerformance(bootstrap, Math.max(rate * seconds, 300_000), recordSize);

    var http =
        HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    if (warmUp > 0) {
      System.out.printf("warm-up: %d tickets/s for %d s%n", rate, warmUp);
      run(intake, bodies, rate, warmUp);
    }
    var heap = new HeapWatch(http, intake);
    heap.start();
    var result = run(intake, bodies, rate, seconds);
    heap.stop();

    System.out.printf("%nintake-service, %d tickets/s offered for %d s%n", rate, seconds);
    System.out.printf(
        "  accepted %d of %d (published at once %d, queued in the outbox %d, errors %d) in %.2f s:"
            + " %.0f tickets/s%n",
        result.accepted,
        result.offered,
        result.published,
        result.accepted - result.published,
        result.errors,
        result.elapsedSeconds,
        result.accepted / result.elapsedSeconds);
    System.out.printf(
        "  POST -> 201 ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
        result.percentile(50),
        result.percentile(95),
        result.percentile(99),
        result.percentile(100));
    System.out.printf(
        "  intake heap used, peak: %.0f MB (of max %.0f MB)%n", heap.peakMb(), heap.maxMb());
    System.out.printf(
        "kafka ProducerPerformance, %d-byte records, acks=all: %s%n", recordSize, reference);
    var perf = PERF_LINE.matcher(reference);
    if (perf.find()) {
      double rawPerSecond = Double.parseDouble(perf.group(2));
      System.out.printf(
          "  ratio intake/raw Kafka throughput: %.4f (%.0f vs %.0f records/s)%n",
          (result.accepted / result.elapsedSeconds) / rawPerSecond,
          result.accepted / result.elapsedSeconds,
          rawPerSecond);
    }
    System.exit(0);
  }

  record Result(
      int offered, int accepted, int published, int errors, double elapsedSeconds, long[] sorted) {
    double percentile(int p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  static Result run(String intake, List<String> bodies, int rate, int seconds)
      throws InterruptedException {
    return run(intake, bodies, rate, seconds, (answer, due) -> {});
  }

  /**
   * Posts {@code rate * seconds} tickets; {@code accepted} gets each 201's body and the {@link
   * System#nanoTime()} its request was due.
   */
  static Result run(
      String intake, List<String> bodies, int rate, int seconds, ObjLongConsumer<String> accepted)
      throws InterruptedException {
    int total = rate * seconds;
    var latencies = new long[total];
    var dueTimes = new long[total];
    var acceptedCount = new AtomicInteger();
    var published = new AtomicInteger();
    var errors = new AtomicInteger();
    var done = new AtomicInteger();
    var queue = new LinkedBlockingQueue<Integer>();
    var payloads = bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
    var base = URI.create(intake);
    var workers = new ArrayList<Thread>();
    // The operator signs in as the README shows (development account); the run is shorter than
    // the token's 15 minutes. Intake limits each principal: start it with a higher
    // hotline.intake.rate-limit.tickets-per-period for rates above 50/s (docs/benchmarks.md).
    String token =
        new SignIn(System.getProperty("issuer", "http://127.0.0.1:9000")).staff("operator");
    for (int w = 0; w < WORKERS; w++) {
      var worker =
          new Thread(
              () -> {
                try (var connection = new HttpConnection(base)) {
                  for (int slot = queue.take(); slot >= 0; slot = queue.take()) {
                    try {
                      var response =
                          connection.post(
                              "/api/tickets", token, payloads.get(slot % payloads.size()));
                      if (response.status() == 201) {
                        acceptedCount.incrementAndGet();
                        accepted.accept(response.body(), dueTimes[slot]);
                        if (response.body().contains("\"PUBLISHED\"")) {
                          published.incrementAndGet();
                        }
                      } else {
                        errors.incrementAndGet();
                      }
                    } catch (IOException | RuntimeException e) {
                      errors.incrementAndGet();
                      connection.close();
                    }
                    latencies[slot] = System.nanoTime() - dueTimes[slot];
                    done.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      worker.start();
      workers.add(worker);
    }
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      // Latency counts from when the request was due, so time waiting for a free connection
      // (the server being slow) is counted, not hidden.
      dueTimes[i] = due;
      queue.add(i);
    }
    for (int w = 0; w < WORKERS; w++) {
      queue.add(-1);
    }
    for (var worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (Boolean.getBoolean("timeline")) {
      printTimeline(latencies, rate);
    }
    var sorted = Arrays.copyOf(latencies, done.get());
    Arrays.sort(sorted);
    return new Result(total, acceptedCount.get(), published.get(), errors.get(), elapsed, sorted);
  }

  /**
   * Each second's p99 and worst latency ({@code -Dtimeline=true}): whether a tail comes from steady
   * queueing or from stalls at particular moments.
   */
  private static void printTimeline(long[] latencies, int rate) {
    for (int from = 0; from + rate <= latencies.length; from += rate) {
      var second = Arrays.copyOfRange(latencies, from, from + rate);
      Arrays.sort(second);
      System.out.printf(
          "  second %3d: p99 %6.1f ms, max %6.1f ms%n",
          from / rate, second[(int) (rate * 0.99)] / 1e6, second[rate - 1] / 1e6);
    }
  }

  /** The customer's sample complaints as operators type them, with a caller's phone number. */
  static List<String> realisticTickets() {
    var bodies = new ArrayList<String>();
    var types = AppealType.values();
    int i = 0;
    for (var sample : SampleComplaints.load()) {
      var body = new java.util.LinkedHashMap<String, Object>();
      body.put("channel", sample.channel());
      body.put("appealType", types[i % types.length].name());
      body.put("content", sample.text());
      body.put("address", sample.address());
      body.put("callerPhone", "139%08d".formatted(i * 7919 % 100_000_000));
      bodies.add(EventJson.MAPPER.writeValueAsString(body));
      i++;
    }
    return bodies;
  }

  /** The mean size of the event intake publishes for these tickets, for ProducerPerformance. */
  static int averageEventSize(int samples) {
    long bytes = 0;
    var complaints = SampleComplaints.load();
    for (var sample : complaints) {
      var event =
          ReportingLoadDriver.receivedAs(
              sample, "260131-01-0001", OffsetDateTime.now(), AppealType.COMPLAINT);
      bytes += EventJson.MAPPER.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
    }
    return (int) (bytes / Math.max(1, complaints.size()));
  }

  /** Kafka's own producer benchmark on the same broker, as a separate JVM; returns its summary. */
  static String producerPerformance(String bootstrap, int records, int recordSize)
      throws Exception {
    String topic = "benchmark-producer-performance";
    try (var admin = Admin.create(DriverLogin.admin(bootstrap))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                "local-broker/target/lib/*",
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                String.valueOf(records),
                "--record-size",
                String.valueOf(recordSize),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=1"));
    command.addAll(DriverLogin.asArguments());
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(5, TimeUnit.MINUTES);
    var lines = output.strip().lines().filter(l -> l.contains("records sent")).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("ProducerPerformance failed:\n" + output);
    }
    return lines.get(lines.size() - 1);
  }
}
