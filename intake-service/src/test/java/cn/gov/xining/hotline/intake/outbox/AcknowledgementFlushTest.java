package cn.gov.xining.hotline.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka's acknowledgements are written to intake's database in batches; a batch that cannot be
 * written (here: a row held by another transaction past H2's lock timeout) must not be lost.
 */
@SpringBootTest(
    properties = {
      "spring.kafka.bootstrap-servers=127.0.0.1:1",
      "spring.kafka.admin.auto-create=false",
      "spring.kafka.listener.auto-startup=false",
      "hotline.intake.outbox.relay-interval=1h",
      // The test writes the batches itself (the scheduled round waits this long, the first too).
      "hotline.intake.outbox.acknowledgement-interval=1h",
      "spring.datasource.url=jdbc:h2:mem:intake-acknowledgements;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=200"
    })
class AcknowledgementFlushTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-31T09:00:00+08:00");

  @Autowired TicketOutbox outbox;
  @Autowired TicketHistory history;
  @Autowired TransactionTemplate transaction;
  @Autowired DataSource dataSource;

  @Test
  void aBatchThatCannotBeWrittenIsWrittenOnTheNextRound() throws Exception {
    for (var number : List.of("260131-09-0001", "260131-09-0002", "260131-09-0003")) {
      store(number);
    }
    long before = outbox.backlog();
    outbox.published("260131-09-0003", NOW, "acknowledged while taking");
    outbox.published("260131-09-0001", NOW, "acknowledged while taking");
    outbox.published("260131-09-0002", NOW, "acknowledged while taking");

    try (var statusListener = dataSource.getConnection()) {
      statusListener.setAutoCommit(false);
      try (var update = statusListener.createStatement()) {
        update.executeUpdate(
            "UPDATE ticket SET updated_at = updated_at WHERE ticket_number = '260131-09-0002'");
      }
      assertThatThrownBy(outbox::flushAcknowledged)
          .isInstanceOf(TransientDataAccessException.class);
      statusListener.rollback();
    }
    assertThat(outbox.backlog()).as("nothing written while the row was locked").isEqualTo(before);

    outbox.flushAcknowledged();

    assertThat(outbox.backlog()).isEqualTo(before - 3);
    assertThat(history.find("260131-09-0002").orElseThrow().status().name()).isEqualTo("PUBLISHED");
  }

  private void store(String number) {
    var ticket =
        new TicketReceived(
            UUID.randomUUID(), number, NOW, "hotline-phone", null, "来电反映路灯不亮。", null, null, null);
    transaction.executeWithoutResult(
        status ->
            outbox.store(
                ticket, EventJson.MAPPER.writeValueAsString(ticket), NOW, NOW.plusSeconds(30)));
  }
}
