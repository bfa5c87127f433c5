package cn.gov.xining.hotline.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a fault suite's ledger must show once the load has stopped. */
final class LedgerCheck {

  private LedgerCheck() {}

  /**
   * Every ticket answered {@code 201} is routed, every ticket routed exactly once, and none appears
   * that nobody was answered for beyond the requests in doubt (a ticket stored by an intake that
   * died with the request open is real: it may be routed, but nothing else may appear).
   *
   * @return the routing decisions
   */
  static List<ConsumerRecord<String, String>> everyTicketRoutedOnce(
      TopicProbe probe, TicketLoad load) {
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
    assertThat(decisionsPerTicket.values()).as("each ticket routed once").containsOnly(1L);
    var unanswered = new ArrayList<>(received);
    unanswered.removeAll(ledger.keySet());
    assertThat(unanswered.size())
        .as("tickets nobody was answered for: %s", unanswered)
        .isLessThanOrEqualTo(load.inDoubt());
    assertThat(decisionsPerTicket.keySet()).containsExactlyInAnyOrderElementsOf(received);
    return decisions;
  }

  static List<String> keysOf(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::key).distinct().toList();
  }
}
