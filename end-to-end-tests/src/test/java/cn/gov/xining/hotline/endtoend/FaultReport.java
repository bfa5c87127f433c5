package cn.gov.xining.hotline.endtoend;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What each fault of a suite cost, from the load's record and routing's decision times. */
final class FaultReport {

  /** A ticket routed later than this after its 201 counts as delayed by the fault. */
  static final long DELAYED_MS = 2_000;

  private FaultReport() {}

  static String of(
      List<Fault> faults, TicketLoad load, List<ConsumerRecord<String, String>> decisions) {
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
        if (delay > DELAYED_MS) {
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
        "\n%d tickets answered with 201 in all; %d requests whose answer was lost (in doubt);"
                .formatted(load.ledger().size(), load.inDoubt())
            + " %d sent on to another intake instance after a refused connection.\n"
                .formatted(load.failedOver()));
    return text.toString();
  }
}
