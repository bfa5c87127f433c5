package cn.gov.xining.hotline.benchmarks;

import cn.gov.xining.hotline.contract.AssignmentRole;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineAction;
import cn.gov.xining.hotline.contract.HotlineActionKind;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.ProgressKind;
import cn.gov.xining.hotline.contract.ProgressReport;
import cn.gov.xining.hotline.contract.Satisfaction;
import cn.gov.xining.hotline.contract.TicketAssigned;
import cn.gov.xining.hotline.contract.Topics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole system under an operators' load, as {@code bin/hotline up} runs it: tickets in the
 * proportions of a winter week ({@link WinterWeek}) POSTed to intake at a fixed rate (open loop, 64
 * desks); <b>departments</b> that read their assignment topics, sign for each ticket a second later
 * and resolve it two seconds after that (a day's work compressed into seconds), reporting on {@code
 * ticket-progress}; and the <b>hotline</b>, which approves each resolution and calls the citizen
 * back on {@code hotline-actions}. Measured in one run: Kafka's own producer throughput for records
 * of the same size on the same broker (the physical reference), tickets accepted per second, the
 * time from a ticket's {@code POST} to its lead unit's assignment being readable (read_committed,
 * p50/p95/p99), routing's and reporting's consumer lag on {@code tickets-received}, and every
 * service's peak heap.
 *
 * <p>Run from the repository root with the system up: {@code SystemLoadDriver <host> <bootstrap>
 * <tickets/s> <seconds> [warm-up seconds]}; the services on their {@code bin/hotline} ports.
 */
public final class SystemLoadDriver {

  private static final Map<String, Integer> SERVICES =
      Map.of(
          "intake-service", 8081,
          "routing-service", 8082,
          "reporting-service", 8083,
          "handling-service", 8084);

  /** The consumer groups that read {@code tickets-received}: routing's and reporting's. */
  private static final Map<String, String> LAGGING =
      Map.of("routing", "ticket-dispatcher", "reporting", "reporting-service-5");

  /** -Ddepartments=false: only measure intake and routing, nobody works the tickets. */
  private static final boolean WORKING =
      Boolean.parseBoolean(System.getProperty("departments", "true"));

  private SystemLoadDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: SystemLoadDriver <host> <bootstrap> <tickets-per-second> <seconds>"
              + " [warm-up seconds, default 10]");
      System.exit(2);
    }
    String host = args[0];
    String bootstrap = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    String intake = "http://" + host + ":" + SERVICES.get("intake-service");
    var bodies = WinterWeek.tickets(5_000);
    int recordSize = IntakeLoadDriver.averageEventSize(bodies.size());
    // -Dreference=false skips it, e.g. to read the services' CPU over the load alone.
    String reference =
        Boolean.parseBoolean(System.getProperty("reference", "true"))
            ? IntakeLoadDriver.producerPerformance(
                bootstrap, Math.max(rate * seconds, 300_000), recordSize)
            : "not run";

    try (var departments = new Departments(bootstrap);
        var lag = new LagWatch(bootstrap)) {
      departments.start();
      if (warmUp > 0) {
        System.out.printf("warm-up: %d tickets/s for %d s%n", rate, warmUp);
        IntakeLoadDriver.run(intake, bodies, rate, warmUp);
      }
      var http = HttpClient.newHttpClient();
      var heaps = new ArrayList<HeapWatch>();
      for (var service : SERVICES.values()) {
        heaps.add(new HeapWatch(http, "http://" + host + ":" + service));
      }
      heaps.forEach(HeapWatch::start);
      lag.start();
      long appendsBefore = BrokerAppends.total(bootstrap);
      var posted = new ConcurrentHashMap<String, Long>();
      var result =
          IntakeLoadDriver.run(
              intake,
              bodies,
              rate,
              seconds,
              (answer, due) ->
                  posted.put(
                      EventJson.MAPPER.readTree(answer).get("ticketNumber").asString(), due));
      // The last tickets' assignments, and their departments' work, a few seconds behind.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && !departments.quietFor(Duration.ofSeconds(3))) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      lag.stop();
      long appends = BrokerAppends.total(bootstrap) - appendsBefore;
      for (var heap : heaps) {
        heap.stop();
      }

      var latencies =
          posted.entrySet().stream()
              .filter(e -> departments.assignedAt(e.getKey()) != null)
              .mapToLong(e -> departments.assignedAt(e.getKey()) - e.getValue())
              .sorted()
              .toArray();
      System.out.printf(
          "%nwhole system, %d tickets/s offered for %d s (winter-week mix)%n", rate, seconds);
      System.out.printf(
          "  accepted %d of %d (published at once %d, errors %d) in %.2f s: %.0f tickets/s%n",
          result.accepted(),
          result.offered(),
          result.published(),
          result.errors(),
          result.elapsedSeconds(),
          result.accepted() / result.elapsedSeconds());
      System.out.printf(
          "  POST -> 201 ms: p50=%.1f p95=%.1f p99=%.1f%n",
          result.percentile(50), result.percentile(95), result.percentile(99));
      System.out.printf(
          "  POST -> lead unit's assignment readable, %d transferred tickets, ms: p50=%.1f"
              + " p95=%.1f p99=%.1f max=%.1f%n",
          latencies.length,
          percentile(latencies, 50),
          percentile(latencies, 95),
          percentile(latencies, 99),
          percentile(latencies, 100));
      System.out.printf(
          "  departments: %d signed for, %d resolved; hotline: %d approved, %d called back%n",
          departments.accepted.get(),
          departments.resolved.get(),
          departments.approved.get(),
          departments.calledBack.get());
      lag.peaks()
          .forEach(
              (name, peak) ->
                  System.out.printf(
                      "  %s lag on tickets-received, peak: %d records%n", name, peak));
      var names = new ArrayList<>(SERVICES.keySet());
      for (int i = 0; i < names.size(); i++) {
        System.out.printf(
            "  %s heap used, peak: %.0f MB (of max %.0f MB)%n",
            names.get(i), heaps.get(i).peakMb(), heaps.get(i).maxMb());
      }
      System.out.printf(
          "kafka ProducerPerformance, %d-byte records, acks=all: %s%n", recordSize, reference);
      // The departments' work for the run's last tickets is included, so this is per ticket worked.
      double appendsPerTicket = (double) appends / result.accepted();
      System.out.printf(
          "  broker appends during the run (all topics, changelogs, offsets, transactions): %d,"
              + " %.1f per ticket taken%n",
          appends, appendsPerTicket);
      var perf = IntakeLoadDriver.PERF_LINE.matcher(reference);
      if (perf.find()) {
        double rawPerSecond = Double.parseDouble(perf.group(2));
        System.out.printf(
            "  ratio to raw Kafka: %.4f (%.0f tickets/s vs %.0f records/s); at 2,000 tickets/s the"
                + " broker would append %.0f records/s, %.0f %% of the raw producer's rate%n",
            (result.accepted() / result.elapsedSeconds()) / rawPerSecond,
            result.accepted() / result.elapsedSeconds(),
            rawPerSecond,
            2_000 * appendsPerTicket,
            100 * 2_000 * appendsPerTicket / rawPerSecond);
      }
    }
    System.exit(0);
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  /**
   * The units: a consumer of every assignment topic (as each department's system would read its
   * own), signing for and resolving each ticket they lead; then the hotline's review and callback.
   */
  private static final class Departments implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService work = Executors.newScheduledThreadPool(2);
    private final Map<String, Long> assignedAt = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger resolved = new AtomicInteger();
    private final AtomicInteger approved = new AtomicInteger();
    private final AtomicInteger calledBack = new AtomicInteger();
    private volatile boolean running = true;
    private volatile long lastAssignment = System.nanoTime();
    private Thread reader;

    Departments(String bootstrap) {
      var consumerProps = new Properties();
      DriverLogin.with(consumerProps);
      consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "load-driver-units-" + UUID.randomUUID());
      consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
      consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      consumer =
          new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
      var producerProps = new Properties();
      DriverLogin.with(producerProps);
      producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    }

    void start() throws InterruptedException {
      consumer.subscribe(Pattern.compile("assignments-.*"));
      // Joined and positioned before the load starts, so no assignment is missed.
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      reader = new Thread(this::read, "departments");
      reader.start();
    }

    Long assignedAt(String ticket) {
      return assignedAt.get(ticket);
    }

    /** No new assignment for this long: the last tickets have been routed. */
    boolean quietFor(Duration quiet) {
      return System.nanoTime() - lastAssignment > quiet.toNanos();
    }

    private void read() {
      while (running) {
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          var assignment = EventJson.MAPPER.readValue(record.value(), TicketAssigned.class);
          if (assignment.role() != AssignmentRole.PRIMARY
              || assignedAt.putIfAbsent(record.key(), now) != null) {
            continue;
          }
          lastAssignment = now;
          if (WORKING) {
            handle(assignment);
          }
        }
      }
    }

    /** Sign for after a second, resolve two seconds later; then review and callback. */
    private void handle(TicketAssigned assignment) {
      String number = assignment.ticketNumber();
      String unit = assignment.unit();
      work.schedule(
          () -> {
            report(number, unit, ProgressKind.ACCEPTED, "经办人", null);
            accepted.incrementAndGet();
          },
          1,
          TimeUnit.SECONDS);
      work.schedule(
          () -> {
            report(number, unit, ProgressKind.RESOLVED, "经办人", "已核实处理，已向来电人反馈。");
            resolved.incrementAndGet();
          },
          3,
          TimeUnit.SECONDS);
      work.schedule(
          () -> {
            act(number, HotlineActionKind.REVIEW_APPROVED, null, null, null);
            approved.incrementAndGet();
          },
          4,
          TimeUnit.SECONDS);
      work.schedule(
          () -> {
            var satisfaction =
                switch ((int) (Math.abs(number.hashCode()) % 20)) {
                  case 0 -> Satisfaction.NOT_SATISFIED;
                  case 1, 2 -> Satisfaction.BASICALLY_SATISFIED;
                  default -> Satisfaction.SATISFIED;
                };
            act(number, HotlineActionKind.CALLBACK, true, true, satisfaction);
            calledBack.incrementAndGet();
          },
          5,
          TimeUnit.SECONDS);
    }

    private void report(String number, String unit, ProgressKind kind, String by, String text) {
      var report =
          new ProgressReport(UUID.randomUUID(), number, unit, kind, now(), by, null, text, null);
      producer.send(
          new ProducerRecord<>(
              Topics.TICKET_PROGRESS, number, EventJson.MAPPER.writeValueAsString(report)));
    }

    private void act(
        String number,
        HotlineActionKind kind,
        Boolean reached,
        Boolean solved,
        Satisfaction satisfaction) {
      var action =
          new HotlineAction(
              UUID.randomUUID(),
              number,
              kind,
              now(),
              "回访员",
              null,
              reached,
              solved,
              satisfaction,
              null);
      producer.send(
          new ProducerRecord<>(
              Topics.HOTLINE_ACTIONS, number, EventJson.MAPPER.writeValueAsString(action)));
    }

    private static java.time.OffsetDateTime now() {
      return HotlineTime.now(Clock.systemUTC());
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      if (reader != null) {
        reader.join();
      }
      work.shutdown();
      work.awaitTermination(10, TimeUnit.SECONDS);
      consumer.close();
      producer.close();
    }
  }

  /** Routing's and reporting's lag on {@code tickets-received}, sampled every 250 ms. */
  private static final class LagWatch implements AutoCloseable {
    private final Admin admin;
    private final Map<String, AtomicLong> peaks = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread thread;

    LagWatch(String bootstrap) {
      admin = Admin.create(DriverLogin.admin(bootstrap));
      LAGGING.keySet().forEach(name -> peaks.put(name, new AtomicLong()));
    }

    void start() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  sample();
                  try {
                    TimeUnit.MILLISECONDS.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "lag-watch");
      thread.start();
    }

    private void sample() {
      try {
        var partitions =
            admin
                .describeTopics(List.of(Topics.TICKETS_RECEIVED))
                .allTopicNames()
                .get()
                .get(Topics.TICKETS_RECEIVED)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(Topics.TICKETS_RECEIVED, p.partition()))
                .toList();
        var request = new java.util.HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(request).all().get();
        for (var group : LAGGING.entrySet()) {
          var committed =
              admin
                  .listConsumerGroupOffsets(group.getValue())
                  .partitionsToOffsetAndMetadata()
                  .get();
          long lag = 0;
          for (var tp : partitions) {
            var offset = committed.get(tp);
            lag += ends.get(tp).offset() - (offset == null ? 0 : offset.offset());
          }
          peaks.get(group.getKey()).accumulateAndGet(lag, Math::max);
        }
      } catch (Exception e) {
        // a sample missed; the next one counts
      }
    }

    Map<String, Long> peaks() {
      var result = new java.util.TreeMap<String, Long>();
      peaks.forEach((name, peak) -> result.put(name, peak.get()));
      return result;
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    @Override
    public void close() {
      running = false;
      admin.close();
    }
  }
}
