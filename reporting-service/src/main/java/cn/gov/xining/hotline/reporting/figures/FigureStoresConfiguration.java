package cn.gov.xining.hotline.reporting.figures;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/** The figures as this instance's Kafka Streams stores hold them. */
@Configuration(proxyBeanMethods = false)
class FigureStoresConfiguration {

  @Bean
  FigureSource figureSource(KafkaStreamsInteractiveQueryService queries) {
    return new FigureStores(
        store -> queries.retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore()));
  }
}
