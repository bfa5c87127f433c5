package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The figures behind the daily, weekly, breakdown and batch reports. Handling-service's lifecycle
 * is folded per ticket into {@link HandlingFacts}; the received ticket, its routing decision and
 * those facts are joined per ticket number (all three topics are co-partitioned by it) into {@link
 * TicketFacts}, which are summed per Asia/Shanghai day of receipt ({@link #DAILY_FIGURES}) and per
 * batch ({@link #BATCH_FIGURES}). A resolution or callback days later changes the ticket's facts,
 * so its old keys are subtracted from the day it was received and the new ones added: the day's
 * rates update whatever order the events arrive in. Callbacks are also counted on the day they are
 * made ({@link #DAILY_CALLBACKS}), as the daily bulletin reports them.
 */
final class FiguresTopology {

  static final String DAILY_FIGURES = "daily-counters";
  static final String BATCH_FIGURES = "batch-counters";
  static final String DAILY_CALLBACKS = "daily-callbacks";

  private FiguresTopology() {}

  static void addTo(
      StreamsBuilder builder,
      KTable<String, TicketReceived> received,
      KTable<String, TicketRouted> routed,
      StateStores stores) {
    var factsSerde = EventSerdes.serde(TicketFacts.class);
    var caseSerde = EventSerdes.serde(CaseEvent.class);

    var lifecycle =
        builder.stream(Topics.TICKET_LIFECYCLE, Consumed.with(Serdes.String(), caseSerde));
    lifecycle
        .filterNot((number, event) -> usable(event))
        .to(
            Topics.deadLetterOf(Topics.TICKET_LIFECYCLE),
            Produced.with(Serdes.String(), caseSerde));
    var usable = lifecycle.filter((number, event) -> usable(event));
    KTable<String, HandlingFacts> handling =
        usable
            .groupByKey(Grouped.with("lifecycle-by-ticket", Serdes.String(), caseSerde))
            .aggregate(
                HandlingFacts::none,
                (number, event, facts) -> facts.with(event),
                stores.named("handling-facts", EventSerdes.serde(HandlingFacts.class)));
    usable
        .filter((number, event) -> event.kind() == CaseEventKind.CALLBACK_RECORDED)
        .groupBy(
            (number, event) -> HotlineTime.dayOf(event.at()).toString(),
            Grouped.with("callbacks-by-day", Serdes.String(), caseSerde))
        .count(stores.named(DAILY_CALLBACKS, Serdes.Long()));

    KTable<String, TicketFacts> facts =
        received
            .leftJoin(
                routed,
                (ticket, decision) -> new TicketFacts(ticket, decision, null),
                stores.named("routed-facts", factsSerde))
            .leftJoin(
                handling,
                (ticket, handled) -> handled == null ? ticket : ticket.withHandling(handled),
                stores.named("ticket-facts", factsSerde));
    FigureCounters.count(
        builder,
        facts,
        "facts-by-day",
        ticket -> HotlineTime.dayOf(ticket.ticket().receivedAt()).toString(),
        Figures::of,
        DAILY_FIGURES,
        stores);
    FigureCounters.count(
        builder,
        facts,
        "facts-by-batch",
        ticket -> ticket.ticket().batchLabel(),
        Figures::ofBatch,
        BATCH_FIGURES,
        stores);
  }

  private static boolean usable(CaseEvent event) {
    return event != null
        && event.ticketNumber() != null
        && event.kind() != null
        && event.at() != null;
  }
}
