package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.kafka.streams.InstanceForwarder;
import cn.gov.xining.hotline.kafka.streams.StreamsInstances;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/** The figures as this instance's Kafka Streams stores hold them, and the other instances'. */
@Configuration(proxyBeanMethods = false)
class FigureStoresConfiguration {

  @Bean
  InstanceFigures figureSource(
      KafkaStreamsInteractiveQueryService queries,
      StreamsInstances instances,
      InstanceForwarder forwarder) {
    var here =
        new FigureStores(
            store -> queries.retrieveQueryableStore(store, QueryableStoreTypes.keyValueStore()));
    return new InstanceFigures(here, instances, forwarder);
  }
}
