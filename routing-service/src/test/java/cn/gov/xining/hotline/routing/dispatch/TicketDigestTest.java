package cn.gov.xining.hotline.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.AppealType;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TicketDigestTest {

  @Test
  void theSameAppealUnderAnotherEventIdOrOffsetIsTheSameTicketAndAnotherAppealIsNot() {
    // given a ticket, and the same appeal written with another event id and offset
    var ticket = ticket(UUID.randomUUID(), "2026-01-31T09:00:00+08:00", "小区停水两天了。");
    var resent = ticket(UUID.randomUUID(), "2026-01-31T01:00:00Z", "小区停水两天了。");
    // and other appeals under the same number
    var otherContent = ticket(ticket.eventId(), "2026-01-31T09:00:00+08:00", "小区停电两天了。");
    var otherTime = ticket(ticket.eventId(), "2026-01-31T09:00:01+08:00", "小区停水两天了。");

    // then only the re-sent one is the same ticket
    long digest = TicketDigest.of(ticket);
    assertThat(TicketDigest.sameTicket(digest, TicketDigest.of(resent))).isTrue();
    assertThat(TicketDigest.sameTicket(digest, TicketDigest.of(otherContent))).isFalse();
    assertThat(TicketDigest.sameTicket(digest, TicketDigest.of(otherTime))).isFalse();
  }

  @Test
  void theDigestSurvivesTheDecisionHeaderAndADecisionWithoutOneComparesWithAnything() {
    long digest = TicketDigest.of(ticket(UUID.randomUUID(), "2026-01-31T09:00:00Z", "暖气不热"));
    var headers = new RecordHeaders().add(TicketDigest.header(digest));

    assertThat(TicketDigest.from(headers)).isEqualTo(digest);
    assertThat(TicketDigest.from(new RecordHeaders())).isEqualTo(TicketDigest.UNKNOWN);
    assertThat(TicketDigest.sameTicket(TicketDigest.UNKNOWN, digest)).isTrue();
  }

  private static TicketReceived ticket(UUID eventId, String receivedAt, String content) {
    return new TicketReceived(
        eventId,
        "260131-01-0001",
        OffsetDateTime.parse(receivedAt),
        "hotline-phone",
        AppealType.COMPLAINT,
        content,
        "城东区八一路",
        null,
        null);
  }
}
