package cn.gov.xining.hotline.routing.dispatch;

import cn.gov.xining.hotline.contract.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The ticket numbers routing has already decided, so that a ticket published twice (intake's outbox
 * may re-send one whose acknowledgement was lost) is routed once: the contract is that a repeated
 * ticket number is the same ticket.
 *
 * <p>The truth is the {@code routing-decisions} topic, read committed: the set is rebuilt from it
 * whenever the dispatcher is given partitions (at start, after a crash, after a rebalance), and a
 * poll's numbers are added only once its transaction has committed, so an aborted poll leaves no
 * trace. Numbers of the {@code yyMMdd-NN-SSSS} form are kept as bits per day and intake node, a few
 * hundred bytes a day at a city's volume.
 */
@Component
class DecidedTickets implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(DecidedTickets.class);
  private static final Pattern NUMBER = Pattern.compile("(\\d{6}-\\d{2})-(\\d{4,9})");

  private final KafkaProperties kafka;
  private final Clock clock;
  private final Duration window;
  private final Map<String, BitSet> sequencesByDayAndNode = new HashMap<>();
  private final Set<String> otherNumbers = new HashSet<>();

  DecidedTickets(KafkaProperties kafka, Clock clock, DispatchProperties properties) {
    this.kafka = kafka;
    this.clock = clock;
    this.window = properties.duplicateWindow();
  }

  synchronized boolean contains(String ticketNumber) {
    var number = NUMBER.matcher(ticketNumber);
    if (number.matches()) {
      var sequences = sequencesByDayAndNode.get(number.group(1));
      return sequences != null && sequences.get(Integer.parseInt(number.group(2)));
    }
    return otherNumbers.contains(ticketNumber);
  }

  /** Remembers the numbers once the current Kafka transaction commits; at once outside one. */
  void addWhenCommitted(List<String> ticketNumbers) {
    if (ticketNumbers.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      addAll(ticketNumbers);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              addAll(ticketNumbers);
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
            addOne(record.key());
            read++;
          }
        }
      }
    }
    log.info("{} decided ticket numbers of the last {} read back", read, window);
  }

  private synchronized void addAll(List<String> ticketNumbers) {
    ticketNumbers.forEach(this::addOne);
  }

  private void addOne(String ticketNumber) {
    var number = NUMBER.matcher(ticketNumber);
    if (number.matches()) {
      sequencesByDayAndNode
          .computeIfAbsent(number.group(1), dayAndNode -> new BitSet())
          .set(Integer.parseInt(number.group(2)));
    } else {
      otherNumbers.add(ticketNumber);
    }
  }
}
