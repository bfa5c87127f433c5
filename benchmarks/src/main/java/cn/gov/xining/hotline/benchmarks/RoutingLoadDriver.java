package cn.gov.xining.hotline.benchmarks;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.SampleComplaints;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures routing-service through the broker: tickets are written to {@code tickets-received} as
 * intake writes them, and the lead unit's assignment is read back from {@code assignments-*} as a
 * department reads it (read_committed). Two modes:
 *
 * <ul>
 *   <li>{@code backlog N}: N tickets written at once; reports tickets/s from the first write to the
 *       last assignment.
 *   <li>{@code rate R S}: R tickets/s for S seconds; reports end-to-end latency percentiles from
 *       the write to the assignment.
 * </ul>
 *
 * Tickets are the customer's sample complaints that routing transfers to a unit, round-robin.
 */
public final class RoutingLoadDriver {

  private RoutingLoadDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: RoutingLoadDriver <bootstrap> backlog <tickets> | rate <per-second> <seconds>");
      System.exit(2);
    }
    String bootstrap = args[0];
    String mode = args[1];
    var texts =
        SampleComplaints.load().stream()
            .filter(
                c -> c.expected().district() != null && !"hotline".equals(c.expected().primary()))
            .toList();
    String run = "%04d".formatted(Math.floorMod(UUID.randomUUID().hashCode(), 10_000));
    var sentAt = new ConcurrentHashMap<String, Long>();
    var latencies = new long[1_000_000];
    var received = new AtomicLong();
    int expected =
        mode.equals("backlog")
            ? Integer.parseInt(args[2])
            : Integer.parseInt(args[2]) * Integer.parseInt(args[3]);
    if (expected > latencies.length) {
      throw new IllegalArgumentException("at most " + latencies.length + " tickets per run");
    }
    var reader =
        new Thread(() -> readAssignments(bootstrap, sentAt, latencies, received, expected));
    reader.start();
    Thread.sleep(3_000); // let the reader join its group and reach the end of the topics

    long start = System.nanoTime();
    try (var producer = producer(bootstrap)) {
      if (mode.equals("backlog")) {
        for (int i = 0; i < expected; i++) {
          send(producer, run, i, texts, sentAt);
        }
      } else {
        int perSecond = Integer.parseInt(args[2]);
        long intervalNanos = 1_000_000_000L / perSecond;
        for (int i = 0; i < expected; i++) {
          long due = start + i * intervalNanos;
          // Park rather than spin: a spinning driver would take a core from the system it measures.
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          send(producer, run, i, texts, sentAt);
        }
      }
      producer.flush();
    }
    reader.join(Duration.ofMinutes(5).toMillis());
    long elapsedNanos = System.nanoTime() - start;
    int n = (int) Math.min(received.get(), expected);
    var sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    System.out.printf(
        "mode=%s tickets=%d assigned=%d elapsed=%.2fs throughput=%.0f tickets/s%n",
        mode, expected, n, elapsedNanos / 1e9, n / (elapsedNanos / 1e9));
    if (n > 0) {
      System.out.printf(
          "latency write->assignment ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
          percentile(sorted, 50),
          percentile(sorted, 95),
          percentile(sorted, 99),
          sorted[n - 1] / 1e6);
    }
  }

  private static void send(
      KafkaProducer<String, String> producer,
      String run,
      int i,
      List<SampleComplaints.Complaint> texts,
      Map<String, Long> sentAt) {
    var sample = texts.get(i % texts.size());
    String number = "%s-%s-%06d".formatted(run, "88", i);
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            number,
            HotlineTime.now(Clock.systemUTC()),
            sample.channel(),
            AppealType.COMPLAINT,
            sample.text(),
            sample.address(),
            null,
            null);
    sentAt.put(number, System.nanoTime());
    producer.send(
        new ProducerRecord<>(
            Topics.TICKETS_RECEIVED, number, EventJson.MAPPER.writeValueAsString(ticket)));
  }

  private static void readAssignments(
      String bootstrap,
      Map<String, Long> sentAt,
      long[] latencies,
      AtomicLong received,
      int expected) {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "load-driver-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
    // A read_committed fetch may wait this long for a transaction marker; departments that want
    // their assignments at once lower it the same way (default 500 ms).
    props.put(
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Integer.getInteger("fetch.max.wait.ms", 500));
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Pattern.compile(Pattern.quote(Topics.ASSIGNMENTS_PREFIX) + ".*"));
      while (received.get() < expected && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          if (!record.value().contains("\"role\":\"PRIMARY\"")) {
            continue; // assisting units get a copy too; the lead unit's is the one that counts
          }
          Long sent = sentAt.remove(record.key());
          if (sent != null) {
            int slot = (int) received.getAndIncrement();
            if (slot < latencies.length) {
              latencies[slot] = System.nanoTime() - sent;
            }
          }
        }
      }
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    var props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
