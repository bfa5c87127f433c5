package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.contract.CaseEvent;
import cn.gov.xining.hotline.contract.CaseEventKind;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.reporting.hottopics.MainContent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The figures behind the daily, weekly, breakdown and batch reports. Handling-service's lifecycle
 * is folded per ticket into {@link HandlingFacts}; the received ticket, its routing decision and
 * those facts are joined per ticket number (all three topics are co-partitioned by it) into {@link
 * TicketFacts}, which are summed per Asia/Shanghai day of receipt ({@link #DAILY_FIGURES}) and per
 * batch ({@link #BATCH_FIGURES}). A resolution or callback days later changes the ticket's facts,
 * so its old keys are subtracted from the day it was received and the new ones added: the day's
 * rates update whatever order the events arrive in. Callbacks are also counted on the day they are
 * made ({@link #DAILY_CALLBACKS}), as the daily bulletin reports them.
 *
 * <p>This is reporting's one topology: every report, {@code /api/reports/daily} included, is drawn
 * from these counters. Production and tests build it through {@link #addTo}, so the tests exercise
 * the real topology.
 */
@Component
class FiguresTopology {

  static final String DAILY_FIGURES = "daily-counters";
  static final String BATCH_FIGURES = "batch-counters";
  static final String DAILY_CALLBACKS = "daily-callbacks";

  private final StateStores stores;

  FiguresTopology() {
    this(StateStores.PERSISTENT);
  }

  FiguresTopology(StateStores stores) {
    this.stores = stores;
  }

  @Autowired
  void addTo(StreamsBuilder builder) {
    MainContent.phrasesOf("暖气不热"); // loads HanLP's dictionaries now, not on the first ticket
    var receivedSerde = EventSerdes.serde(TicketReceived.class);
    var routedSerde = EventSerdes.serde(TicketRouted.class);
    // Each input is read as a table keyed by ticket number: the latest ticket and the latest
    // decision. Readable JSON that is not a usable event would stop Kafka Streams further down; it
    // goes to the dead-letter topic as unreadable records do.
    var receivedStream =
        builder.stream(Topics.TICKETS_RECEIVED, Consumed.with(Serdes.String(), receivedSerde));
    receivedStream
        .filterNot((number, ticket) -> usable(ticket))
        .to(
            Topics.deadLetterOf(Topics.TICKETS_RECEIVED),
            Produced.with(Serdes.String(), receivedSerde));
    // The phrases are drawn from the text here, once per received record: the join below runs
    // several times per ticket (old and new values of both sides).
    KTable<String, ReceivedTicket> received =
        receivedStream
            .filter((number, ticket) -> usable(ticket))
            .mapValues(ReceivedTicket::of)
            .toTable(stores.named("received-tickets", EventSerdes.serde(ReceivedTicket.class)));
    var routedStream =
        builder.stream(Topics.ROUTING_DECISIONS, Consumed.with(Serdes.String(), routedSerde));
    routedStream
        .filterNot((number, decision) -> usable(decision))
        .to(
            Topics.deadLetterOf(Topics.ROUTING_DECISIONS),
            Produced.with(Serdes.String(), routedSerde));
    KTable<String, TicketRouted> routed =
        routedStream
            .filter((number, decision) -> usable(decision))
            .toTable(stores.named("routed-tickets", routedSerde));

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
            .leftJoin(routed, TicketFacts::of, stores.named("routed-facts", factsSerde))
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

  private static boolean usable(TicketReceived ticket) {
    return ticket != null
        && ticket.ticketNumber() != null
        && ticket.receivedAt() != null
        && ticket.channel() != null;
  }

  private static boolean usable(TicketRouted decision) {
    return decision != null
        && decision.ticketNumber() != null
        && decision.receivedAt() != null
        && decision.outcome() != null;
  }

  private static boolean usable(CaseEvent event) {
    return event != null
        && event.ticketNumber() != null
        && event.kind() != null
        && event.at() != null;
  }
}
