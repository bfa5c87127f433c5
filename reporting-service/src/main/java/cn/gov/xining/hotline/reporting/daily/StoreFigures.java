package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.catalog.Catalog;
import java.time.LocalDate;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/** The reports read from reporting's own state stores: a few point look-ups per report. */
@Configuration(proxyBeanMethods = false)
class StoreFigures {

  @Bean
  Reports reports(
      KafkaStreamsInteractiveQueryService queries,
      Catalog catalog,
      ReportingProperties properties) {
    return new Reports(new StoreSource(queries), catalog, properties);
  }

  private record StoreSource(KafkaStreamsInteractiveQueryService queries)
      implements Reports.Source {

    @Override
    public Counts day(LocalDate day) {
      return FigureCounters.of(counters(FiguresTopology.DAILY_FIGURES), day.toString());
    }

    @Override
    public long callbacksOn(LocalDate day) {
      ReadOnlyKeyValueStore<String, Long> callbacks =
          queries.retrieveQueryableStore(
              FiguresTopology.DAILY_CALLBACKS, QueryableStoreTypes.keyValueStore());
      Long count = callbacks.get(day.toString());
      return count == null ? 0 : count;
    }

    @Override
    public Counts batch(String label) {
      return FigureCounters.of(counters(FiguresTopology.BATCH_FIGURES), label);
    }

    private ReadOnlyKeyValueStore<String, Long> counters(String store) {
      return queries.retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore());
    }
  }
}
