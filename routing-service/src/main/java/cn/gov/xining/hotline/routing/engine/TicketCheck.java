package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ticket needs before the rules may decide it: content to read, codes the catalog knows, and
 * a time received whose day and deadline can be computed. Intake never publishes anything else, so
 * on Kafka a ticket failing this came from somewhere it should not have; the router refuses it
 * rather than decide nonsense (district 999999 would be transferred to a government {@code
 * gov-999999} whose topic does not exist, and the poll's transaction could never commit). The dry
 * run meets the same check, so it refuses exactly what the Kafka path dead-letters.
 */
final class TicketCheck {

  /**
   * The years a ticket may be received in. Wide enough for a rules administrator to try past and
   * coming seasons; narrow enough that every day, hour limit and calendar look-up stays far from
   * the ends of {@link OffsetDateTime}'s range, where the arithmetic throws.
   */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2099;

  private static final OffsetDateTime EARLIEST =
      LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(HotlineTime.ZONE).toOffsetDateTime();
  private static final OffsetDateTime END =
      LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(HotlineTime.ZONE).toOffsetDateTime();

  /** Longest part of a refused value quoted back: it is there to be recognised, not stored. */
  private static final int QUOTED = 40;

  private final Catalog catalog;

  TicketCheck(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Every reason the ticket cannot be decided, each {@code field: 中文 (English)}; empty if none. */
  List<String> problemsWith(TicketReceived ticket) {
    var problems = new ArrayList<String>();
    if (ticket.content() == null || ticket.content().isBlank()) {
      problems.add("content: 诉求内容不能为空 (content is required)");
    }
    if (ticket.channel() == null) {
      problems.add("channel: 必须填写来源渠道 (channel is required)");
    } else if (catalog.channel(ticket.channel()).isEmpty()) {
      problems.add(
          "channel: 未知的来源渠道「%s」 (unknown channel code)".formatted(quoted(ticket.channel())));
    }
    if (ticket.districtCode() != null && catalog.district(ticket.districtCode()).isEmpty()) {
      problems.add(
          "districtCode: 未知的区县代码「%s」 (unknown district code)"
              .formatted(quoted(ticket.districtCode())));
    }
    if (ticket.topicCode() != null && catalog.topic(ticket.topicCode()).isEmpty()) {
      problems.add(
          "topicCode: 未知的诉求分类「%s」 (unknown topic code)".formatted(quoted(ticket.topicCode())));
    }
    if (ticket.receivedAt() == null) {
      problems.add("receivedAt: 必须填写受理时间 (receivedAt is required)");
    } else if (ticket.receivedAt().isBefore(EARLIEST) || !ticket.receivedAt().isBefore(END)) {
      problems.add(receivedAtOutOfRange());
    }
    return problems;
  }

  static String receivedAtOutOfRange() {
    return "receivedAt: 受理时间须在%d年至%d年之间（北京时间） (receivedAt must fall in the years %d to %d,"
            .formatted(FIRST_YEAR, LAST_YEAR, FIRST_YEAR, LAST_YEAR)
        + " Asia/Shanghai)";
  }

  static String quoted(String value) {
    return value.length() <= QUOTED ? value : value.substring(0, QUOTED) + "…";
  }
}
