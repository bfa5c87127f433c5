package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.kafka.streams.InstanceForwarder;
import cn.gov.xining.hotline.kafka.streams.InstanceProblem;
import cn.gov.xining.hotline.kafka.streams.StreamsInstances;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The figures with several instances of reporting, each holding some partitions of the stores.
 * Every store is keyed by what a report asks for and re-grouped onto that key's partition before it
 * is counted ({@link FiguresTopology}): a day's counters by the day of receipt, the callbacks by
 * the day they were made, a batch's counters by its label. So one instance holds a day or a batch
 * whole, and Kafka Streams' metadata names it: what this instance holds is read here, the rest is
 * asked of the instance holding it ({@link HeldFiguresController} there), as the caller. An
 * instance that answers for a day it no longer holds (a rebalance between the two looks) is a 503,
 * never a partial figure. With one instance everything is read here, as it always was.
 */
final class InstanceFigures implements FigureSource {

  static final String PATH = "/api/reports/figures/held";

  private static final Serializer<String> KEYS = Serdes.String().serializer();
  private static final ParameterizedTypeReference<Map<String, Counts>> DAYS =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<Long> COUNT =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<Counts> COUNTS =
      new ParameterizedTypeReference<>() {};

  private final FigureStores here;
  private final StreamsInstances instances;
  private final InstanceForwarder forwarder;

  InstanceFigures(FigureStores here, StreamsInstances instances, InstanceForwarder forwarder) {
    this.here = here;
    this.instances = instances;
    this.forwarder = forwarder;
  }

  @Override
  public Counts day(LocalDate day) {
    return days(day, day).get(day);
  }

  @Override
  public SortedMap<LocalDate, Counts> days(LocalDate from, LocalDate to) {
    var days = new TreeMap<LocalDate, Counts>();
    var elsewhere = new LinkedHashMap<HostInfo, List<LocalDate>>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      var holder = holderOf(FiguresTopology.DAILY_FIGURES, day.toString());
      if (holder.isEmpty()) {
        days.put(day, here.day(day));
      } else {
        elsewhere.computeIfAbsent(holder.get(), instance -> new ArrayList<>()).add(day);
      }
    }
    // One request per instance, for the span of its days; it answers every day of it it holds.
    elsewhere.forEach(
        (instance, theirs) -> {
          var answer =
              forwarder.ask(
                  instance,
                  DAYS,
                  PATH + "/days?from={from}&to={to}",
                  theirs.get(0),
                  theirs.get(theirs.size() - 1));
          for (var day : theirs) {
            var counts = answer.get(day.toString());
            if (counts == null) {
              throw InstanceProblem.rebalancing();
            }
            days.put(day, counts);
          }
        });
    return days;
  }

  @Override
  public long callbacksOn(LocalDate day) {
    var holder = holderOf(FiguresTopology.DAILY_CALLBACKS, day.toString());
    return holder.isEmpty()
        ? here.callbacksOn(day)
        : forwarder.ask(holder.get(), COUNT, PATH + "/callbacks/{day}", day);
  }

  @Override
  public Counts batch(String label) {
    var holder = holderOf(FiguresTopology.BATCH_FIGURES, label);
    return holder.isEmpty()
        ? here.batch(label)
        : forwarder.ask(holder.get(), COUNTS, PATH + "/batches/{label}", label);
  }

  /** The days of the span this instance holds, with their counters, by ISO date. */
  Map<String, Counts> heldDays(LocalDate from, LocalDate to) {
    var held = new TreeMap<String, Counts>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (holderOf(FiguresTopology.DAILY_FIGURES, day.toString()).isEmpty()) {
        held.put(day.toString(), here.day(day));
      }
    }
    return held;
  }

  /** The day's callbacks, if this instance holds them. */
  long heldCallbacksOn(LocalDate day) {
    mustHold(FiguresTopology.DAILY_CALLBACKS, day.toString());
    return here.callbacksOn(day);
  }

  /** The batch's counters, if this instance holds them. */
  Counts heldBatch(String label) {
    mustHold(FiguresTopology.BATCH_FIGURES, label);
    return here.batch(label);
  }

  private Optional<HostInfo> holderOf(String store, String key) {
    return instances.otherHolderOf(store, key, KEYS);
  }

  private void mustHold(String store, String key) {
    if (holderOf(store, key).isPresent()) {
      throw InstanceProblem.rebalancing();
    }
  }
}
