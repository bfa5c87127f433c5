package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ticket numbers routing has already decided, each with the {@link TicketDigest} of the ticket
 * it was decided for, so that a ticket published twice (intake's outbox may re-send one whose
 * acknowledgement was lost) is routed once, and a number that comes back with another appeal is
 * told apart from it: the contract is that a repeated ticket number is the same ticket.
 *
 * <p>The truth is the {@code routing-decisions} topic, read committed, with the digest in a header
 * of each record: the set is rebuilt from it whenever the dispatcher is given partitions (at start,
 * after a crash, after a rebalance), and a poll's numbers are added only once its transaction has
 * committed, so an aborted poll leaves no trace. Numbers of the {@code yyMMdd-NN-SSSS} form are
 * kept as digests in arrays per day and intake node, a few kilobytes a day at a city's volume.
 */
@Component
class DecidedTickets implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(DecidedTickets.class);
  private static final Pattern NUMBER = Pattern.compile("(\\d{6}-\\d{2})-(\\d{4,9})");

  private final KafkaProperties kafka;
  private final Clock clock;
  private final Duration window;
  private final Map<String, Sequences> sequencesByDayAndNode = new HashMap<>();
  private final Map<String, Long> otherNumbers = new HashMap<>();

  DecidedTickets(KafkaProperties kafka, Clock clock, DispatchProperties properties) {
    this.kafka = kafka;
    this.clock = clock;
    this.window = properties.duplicateWindow();
  }

  /**
   * The digest of the ticket decided under this number: {@link TicketDigest#UNKNOWN} if it was
   * decided without one, null if the number has not been decided.
   */
  synchronized Long digestOf(String ticketNumber) {
    var number = NUMBER.matcher(ticketNumber);
    if (number.matches()) {
      var sequences = sequencesByDayAndNode.get(number.group(1));
      long digest = sequences == null ? 0 : sequences.get(Integer.parseInt(number.group(2)));
      return digest == 0 ? null : digest;
    }
    return otherNumbers.get(ticketNumber);
  }

  /** Remembers the numbers once the current Kafka transaction commits; at once outside one. */
  void addWhenCommitted(Map<String, Long> digestsByNumber) {
    if (digestsByNumber.isEmpty()) {
      return;
    }
    var decided = Map.copyOf(digestsByNumber);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      addAll(decided);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              addAll(decided);
            }
          }
        });
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    reload();
  }

  /** Reads the decisions of the last {@code duplicate-window} again, committed ones only. */
  synchronized void reload() {
    sequencesByDayAndNode.clear();
    otherNumbers.clear();
    var properties = kafka.buildConsumerProperties();
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "routing-decided-tickets");
    int read = 0;
    try (var decisions =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          decisions.partitionsFor(Topics.ROUTING_DECISIONS, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      decisions.assign(partitions);
      long since = clock.millis() - window.toMillis();
      var starts = new HashMap<TopicPartition, Long>();
      partitions.forEach(p -> starts.put(p, since));
      var startOffsets = decisions.offsetsForTimes(starts);
      var endOffsets = decisions.endOffsets(partitions);
      for (var partition : partitions) {
        var start = startOffsets.get(partition);
        decisions.seek(partition, start == null ? endOffsets.get(partition) : start.offset());
      }
      while (partitions.stream().anyMatch(p -> decisions.position(p) < endOffsets.get(p))) {
        for (var record : decisions.poll(Duration.ofMillis(500))) {
          if (record.key() != null) {
            addOne(record.key(), TicketDigest.from(record.headers()));
            read++;
          }
        }
      }
    }
    log.info("{} decided ticket numbers of the last {} read back", read, window);
  }

  private synchronized void addAll(Map<String, Long> digestsByNumber) {
    digestsByNumber.forEach(this::addOne);
  }

  /** A later decision for the number (after a return) has the same digest, or none if older. */
  private void addOne(String ticketNumber, long digest) {
    var number = NUMBER.matcher(ticketNumber);
    if (number.matches()) {
      var sequences = sequencesByDayAndNode.computeIfAbsent(number.group(1), d -> new Sequences());
      int sequence = Integer.parseInt(number.group(2));
      if (digest != TicketDigest.UNKNOWN || sequences.get(sequence) == 0) {
        sequences.put(sequence, digest);
      }
    } else {
      otherNumbers.merge(
          ticketNumber, digest, (known, later) -> later == TicketDigest.UNKNOWN ? known : later);
    }
  }

  /**
   * Digests by sequence number, 0 for none, in pages of 256: a day's numbers take a few pages, and
   * a stray sequence of nine digits costs one page rather than an array that long.
   */
  private static final class Sequences {

    private static final int PAGE = 256;

    private final Map<Integer, long[]> pages = new HashMap<>();

    long get(int sequence) {
      long[] page = pages.get(sequence / PAGE);
      return page == null ? 0 : page[sequence % PAGE];
    }

    void put(int sequence, long digest) {
      pages.computeIfAbsent(sequence / PAGE, p -> new long[PAGE])[sequence % PAGE] = digest;
    }
  }
}
