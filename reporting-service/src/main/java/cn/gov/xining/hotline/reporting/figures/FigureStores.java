package cn.gov.xining.hotline.reporting.figures;

import java.time.LocalDate;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the figures from {@link FiguresTopology}'s stores: one prefix scan per day or batch and one
 * point look-up for the day's callbacks, whatever the number of tickets.
 *
 * @param stores the store of a name: Kafka Streams' interactive queries in the service, the test
 *     driver's stores in a topology test
 */
public record FigureStores(Function<String, ReadOnlyKeyValueStore<String, Long>> stores)
    implements FigureSource {

  @Override
  public Counts day(LocalDate day) {
    return FigureCounters.of(stores.apply(FiguresTopology.DAILY_FIGURES), day.toString());
  }

  @Override
  public long callbacksOn(LocalDate day) {
    Long count = stores.apply(FiguresTopology.DAILY_CALLBACKS).get(day.toString());
    return count == null ? 0 : count;
  }

  @Override
  public Counts batch(String label) {
    return FigureCounters.of(stores.apply(FiguresTopology.BATCH_FIGURES), label);
  }
}
