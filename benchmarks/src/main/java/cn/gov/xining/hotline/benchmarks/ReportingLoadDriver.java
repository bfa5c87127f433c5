package cn.gov.xining.hotline.benchmarks;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.CaseStatus;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import cn.gov.xining.hotline.testsupport.SampleComplaints.Complaint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures reporting-service with a large history: writes {@code tickets} tickets spread over the
 * last {@code days} days to a fresh broker (each ticket received and routed; a transferred one also
 * opened, signed for, resolved, called back and closed, as handling reports it), then starts
 * reporting-service from its jar with empty state and measures
 *
 * <ol>
 *   <li>catch-up ingestion: input events per second from the first committed progress until the
 *       service's consumer group has committed every input record, and until its reports show every
 *       ticket;
 *   <li>serving: daily and weekly reports for random days over HTTP, p50/p95/p99;
 *   <li>reporting's heap, peak, through its actuator.
 * </ol>
 *
 * <p>Run from the repository root, against a broker that holds no tickets yet.
 */
public final class ReportingLoadDriver {

  private static final List<String> INPUTS =
      List.of(Topics.TICKETS_RECEIVED, Topics.ROUTING_DECISIONS, Topics.TICKET_LIFECYCLE);

  private static final Path JAR =
      Path.of("reporting-service/target/reporting-service-0.1.0-SNAPSHOT-exec.jar");

  private static final int PORT = Integer.getInteger("port", 8093);

  private ReportingLoadDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: ReportingLoadDriver <bootstrap> <tickets> <days> [report requests, default"
              + " 10000]");
      System.exit(2);
    }
    String bootstrap = args[0];
    int tickets = Integer.parseInt(args[1]);
    int days = Integer.parseInt(args[2]);
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(
          "no " + JAR + ": run from the repository root after mvn package");
    }
    var today = HotlineTime.now(Clock.systemUTC()).toLocalDate();
    var first = today.minusDays(days);
    var last = today.minusDays(1);

    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      createTopics(admin);
      if (endOffsets(admin) > 0) {
        throw new IllegalStateException("the broker already holds tickets: use a fresh one");
      }
      long start = System.nanoTime();
      var written = fill(bootstrap, tickets, first, days);
      double fillSeconds = (System.nanoTime() - start) / 1e9;
      long events = endOffsets(admin);
      System.out.printf(
          "wrote %d tickets over %s..%s: %d events (%d transferred) in %.1f s%n",
          tickets, first, last, events, written.transferred, fillSeconds);

      String applicationId = "reporting-benchmark-" + System.currentTimeMillis();
      Path dataDir = Files.createTempDirectory("reporting-benchmark");
      Path log = Path.of("benchmarks/target/reporting-benchmark.log");
      var command = new ArrayList<>(List.of("java", "-Xmx256m"));
      // e.g. -Dservice.jvm=-XX:StartFlightRecording=filename=reporting.jfr to profile the service
      String extraJvm = System.getProperty("service.jvm", "");
      if (!extraJvm.isBlank()) {
        command.addAll(List.of(extraJvm.trim().split("\\s+")));
      }
      command.addAll(
          List.of(
              "-jar",
              JAR.toString(),
              "--server.port=" + PORT,
              "--spring.kafka.bootstrap-servers=" + bootstrap,
              "--spring.kafka.streams.application-id=" + applicationId,
              "--hotline.data-dir=" + dataDir));
      var service =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        long launched = System.nanoTime();
        String base = "http://127.0.0.1:" + PORT;
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var heap = new HeapWatch(http, base);
        long firstProgress = 0;
        long consumed = 0;
        while (consumed < events) {
          if (!service.isAlive()) {
            throw new IllegalStateException("reporting-service exited: see " + log);
          }
          TimeUnit.MILLISECONDS.sleep(200);
          consumed = committed(admin, applicationId);
          if (consumed > 0 && firstProgress == 0) {
            firstProgress = System.nanoTime();
            heap.start();
          }
        }
        long allCommitted = System.nanoTime();
        String period = base + "/api/reports/periods?from=" + first + "&to=" + last;
        while (!shows(http, period, tickets, written)) {
          TimeUnit.MILLISECONDS.sleep(200);
        }
        long allShown = System.nanoTime();
        System.out.printf(
            "%nreporting-service catch-up from empty state, %d input events:%n", events);
        System.out.printf(
            "  start-up to first committed progress: %.1f s%n", (firstProgress - launched) / 1e9);
        System.out.printf(
            "  first progress to every input record committed: %.1f s = %.0f events/s%n",
            (allCommitted - firstProgress) / 1e9, events / ((allCommitted - firstProgress) / 1e9));
        System.out.printf(
            "  launch to every ticket in the reports: %.1f s = %.0f events/s including start-up%n",
            (allShown - launched) / 1e9, events / ((allShown - launched) / 1e9));

        var random = new Random(7);
        var daily = serve(http, base + "/api/reports/days/", first, days, requests, random);
        var weekly = serve(http, base + "/api/reports/weeks/", first, days, requests / 4, random);
        heap.stop();
        System.out.printf(
            "  daily report, %d requests, random days: ms p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
            requests, daily.p(50), daily.p(95), daily.p(99), daily.p(100));
        System.out.printf(
            "  weekly report, %d requests, random weeks: ms p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
            requests / 4, weekly.p(50), weekly.p(95), weekly.p(99), weekly.p(100));
        System.out.printf(
            "  reporting heap used, peak: %.0f MB (of max %.0f MB)%n", heap.peakMb(), heap.maxMb());
      } finally {
        service.destroy();
        service.waitFor(30, TimeUnit.SECONDS);
      }
    }
    System.exit(0);
  }

  /** What was written: transferred (and called back) tickets, and those left to triage. */
  private record Written(long transferred, long calledBack, long triaged) {}

  /** Milliseconds, sorted. */
  private record Latencies(long[] sorted) {
    double p(int percentile) {
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  private static Written fill(String bootstrap, int tickets, LocalDate first, int days) {
    var props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    var samples = SampleComplaints.load();
    var types = AppealType.values();
    var random = new Random(12345);
    long transferred = 0;
    long calledBack = 0;
    long triaged = 0;
    try (var producer =
        new KafkaProducer<String, String>(props, new StringSerializer(), new StringSerializer())) {
      int perDay = (int) Math.ceil((double) tickets / days);
      for (int i = 0; i < tickets; i++) {
        var day = first.plusDays(i / perDay);
        var sample = samples.get(i % samples.size());
        String number =
            "%s-01-%05d".formatted(day.toString().substring(2).replace("-", ""), i % perDay);
        var at =
            day.atTime(8, 0)
                .plusSeconds(random.nextInt(12 * 3600))
                .atZone(HotlineTime.ZONE)
                .toOffsetDateTime();
        var expected = sample.expected();
        var outcome =
            expected.primary() == null
                ? RoutingOutcome.TRIAGE
                : "hotline".equals(expected.primary())
                    ? RoutingOutcome.DIRECT
                    : RoutingOutcome.TRANSFER;
        var ticket = receivedAs(sample, number, at, types[i % types.length]);
        var due = at.plusDays(5);
        var decision =
            new TicketRouted(
                UUID.randomUUID(),
                number,
                at,
                at.plusNanos(30_000_000),
                sample.channel(),
                outcome,
                expected.topic(),
                expected.district(),
                outcome == RoutingOutcome.TRANSFER ? expected.primary() : null,
                outcome == RoutingOutcome.TRANSFER ? expected.assist() : List.of(),
                "benchmark",
                "benchmark",
                "benchmark",
                outcome == RoutingOutcome.TRANSFER ? due : null,
                Priority.NORMAL,
                List.of());
        if (outcome == RoutingOutcome.TRIAGE) {
          triaged++;
        }
        send(producer, Topics.TICKETS_RECEIVED, number, ticket);
        send(producer, Topics.ROUTING_DECISIONS, number, decision);
        if (outcome == RoutingOutcome.TRANSFER) {
          transferred++;
          // Nine in ten resolved on time, the rest a day late; satisfaction in the seeds' mix.
          var resolvedAt = random.nextInt(10) == 0 ? due.plusDays(1) : at.plusDays(2);
          var satisfaction =
              switch (random.nextInt(20)) {
                case 0 -> Satisfaction.NOT_SATISFIED;
                case 1, 2 -> Satisfaction.BASICALLY_SATISFIED;
                default -> Satisfaction.SATISFIED;
              };
          String unit = expected.primary();
          send(
              producer,
              number,
              lifecycle(number, CaseEventKind.OPENED, CaseStatus.ASSIGNED, at, unit, due));
          send(
              producer,
              number,
              lifecycle(
                  number, CaseEventKind.ACCEPTED, CaseStatus.ACCEPTED, at.plusHours(2), unit, due));
          send(
              producer,
              number,
              lifecycle(
                  number, CaseEventKind.RESOLVED, CaseStatus.RESOLVED, resolvedAt, unit, due));
          send(producer, number, callback(number, resolvedAt.plusDays(1), unit, due, satisfaction));
          send(
              producer,
              number,
              lifecycle(
                  number,
                  CaseEventKind.CLOSED,
                  CaseStatus.CLOSED,
                  resolvedAt.plusDays(1),
                  unit,
                  due));
          calledBack++;
        }
      }
      producer.flush();
    }
    return new Written(transferred, calledBack, triaged);
  }

  /** A sample complaint as intake publishes it: caller's number masked and hashed. */
  static TicketReceived receivedAs(
      Complaint sample, String number, OffsetDateTime at, AppealType type) {
    return new TicketReceived(
        UUID.randomUUID(),
        number,
        at,
        sample.channel(),
        type,
        sample.text(),
        sample.address(),
        sample.expected().district(),
        null,
        "139****1234",
        "0".repeat(64),
        null,
        null,
        false,
        null,
        null,
        List.of());
  }

  private static CaseEvent lifecycle(
      String number,
      CaseEventKind kind,
      CaseStatus status,
      OffsetDateTime at,
      String unit,
      OffsetDateTime due) {
    return new CaseEvent(
        UUID.randomUUID(),
        number,
        kind,
        UUID.randomUUID(),
        status,
        at,
        unit,
        "经办人",
        unit,
        due,
        null,
        null,
        null,
        null,
        List.of(),
        0,
        0);
  }

  private static CaseEvent callback(
      String number,
      OffsetDateTime at,
      String unit,
      OffsetDateTime due,
      Satisfaction satisfaction) {
    return new CaseEvent(
        UUID.randomUUID(),
        number,
        CaseEventKind.CALLBACK_RECORDED,
        UUID.randomUUID(),
        CaseStatus.APPROVED,
        at,
        unit,
        "回访员",
        unit,
        due,
        "已回访",
        true,
        satisfaction != Satisfaction.NOT_SATISFIED,
        satisfaction,
        List.of(),
        0,
        0);
  }

  private static void send(KafkaProducer<String, String> producer, String number, CaseEvent event) {
    send(producer, Topics.TICKET_LIFECYCLE, number, event);
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object event) {
    producer.send(new ProducerRecord<>(topic, key, EventJson.MAPPER.writeValueAsString(event)));
  }

  /** The inputs as the services declare them (three partitions), if nothing created them yet. */
  private static void createTopics(Admin admin) throws Exception {
    var existing = admin.listTopics().names().get();
    var missing =
        INPUTS.stream()
            .filter(topic -> !existing.contains(topic))
            .map(topic -> new NewTopic(topic, 3, (short) 1))
            .toList();
    admin.createTopics(missing).all().get();
  }

  private static long endOffsets(Admin admin) throws Exception {
    var partitions =
        admin.describeTopics(INPUTS).allTopicNames().get().values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    return admin.listOffsets(partitions).all().get().values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  /** Input records the application has committed; transaction markers make it run slightly over. */
  private static long committed(Admin admin, String applicationId) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    Set<String> inputs = Set.copyOf(INPUTS);
    return offsets.entrySet().stream()
        .filter(e -> inputs.contains(e.getKey().topic()) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  /**
   * Every ticket received, every callback counted and every ticket but the triaged ones completed:
   * the lifecycle has gone through reporting's internal topics into the figures too.
   */
  private static boolean shows(HttpClient http, String period, long tickets, Written written) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(period))
                  .header("Authorization", "Bearer " + managerToken())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return false;
      }
      var report = EventJson.MAPPER.readTree(response.body());
      return report.get("received").asLong() == tickets
          && report.get("callbacks").asLong() == written.calledBack()
          && report.get("completed").asLong() == tickets - written.triaged();
    } catch (Exception e) {
      return false;
    }
  }

  private static Latencies serve(
      HttpClient http, String path, LocalDate first, int days, int requests, Random random)
      throws Exception {
    // A warm-up round first: the first requests of a fresh JVM are not what managers see.
    for (int i = 0; i < Math.min(1000, requests); i++) {
      get(http, path + first.plusDays(random.nextInt(days)));
    }
    var latencies = new long[requests];
    for (int i = 0; i < requests; i++) {
      String url = path + first.plusDays(random.nextInt(days));
      long start = System.nanoTime();
      get(http, url);
      latencies[i] = System.nanoTime() - start;
    }
    Arrays.sort(latencies);
    return new Latencies(latencies);
  }

  private static volatile String managerToken;
  private static volatile long managerTokenAt;

  /**
   * The reports answer managers only: the run command's development manager, signed in again before
   * the token's 15 minutes are up.
   */
  private static String managerToken() {
    if (managerToken == null || System.nanoTime() - managerTokenAt > TimeUnit.MINUTES.toNanos(10)) {
      managerToken =
          new cn.gov.xining.hotline.testsupport.SignIn(
                  System.getProperty("issuer", "http://127.0.0.1:9000"))
              .staff("manager", "manager-dev");
      managerTokenAt = System.nanoTime();
    }
    return managerToken;
  }

  private static void get(HttpClient http, String url) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + managerToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }
}
