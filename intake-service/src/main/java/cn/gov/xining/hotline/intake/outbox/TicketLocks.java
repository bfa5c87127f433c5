package cn.gov.xining.hotline.intake.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The one order in which a transaction locks several ticket rows: the relay's claim, a batch of
 * acknowledgements and a poll of the status listeners all update the same rows, and taken in
 * arrival order two of them deadlocked under load and H2 rolled one back.
 */
public final class TicketLocks {

  private TicketLocks() {}

  /** The items sorted by ticket number, keeping the order of each ticket's own items. */
  public static <T> List<T> inLockOrder(List<T> items, Function<T, String> ticketNumber) {
    var sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(ticketNumber)); // stable: a ticket's events stay in order
    return sorted;
  }
}
