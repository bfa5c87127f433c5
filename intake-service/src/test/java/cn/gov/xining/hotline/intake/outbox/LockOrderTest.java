package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions that update several ticket rows take them in one order, so none deadlock. */
class LockOrderTest {

  record Change(String ticketNumber, String status) {}

  @Test
  void sortsByTicketNumberAndKeepsEachTicketsChangesInTheOrderTheyCame() {
    var poll =
        List.of(
            new Change("260131-09-0003", "ACCEPTED"),
            new Change("260131-09-0001", "ACCEPTED"),
            new Change("260131-09-0003", "RESOLVED"),
            new Change("260131-09-0002", "ACCEPTED"),
            new Change("260131-09-0001", "RETURNED"),
            new Change("260131-09-0003", "CLOSED"));

    var inLockOrder = TicketLocks.inLockOrder(poll, Change::ticketNumber);

    assertThat(inLockOrder)
        .extracting(change -> change.ticketNumber() + " " + change.status())
        .containsExactly(
            "260131-09-0001 ACCEPTED",
            "260131-09-0001 RETURNED",
            "260131-09-0002 ACCEPTED",
            "260131-09-0003 ACCEPTED",
            "260131-09-0003 RESOLVED",
            "260131-09-0003 CLOSED");
  }
}
