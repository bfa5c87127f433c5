package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.kafka.EventSerdes;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The production reporting topology under Kafka Streams' test driver, with in-memory stores. */
final class ReportingTopologyDriver {

  private ReportingTopologyDriver() {}

  static TopologyTestDriver start(Path stateDir) {
    var builder = new StreamsBuilder();
    new DailyCountsTopology(new StateStores(true)).addTo(builder);
    var config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reporting-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new TopologyTestDriver(builder.build(), config);
  }

  static <T> TestInputTopic<String, T> input(
      TopologyTestDriver driver, String topic, Class<T> type) {
    return driver.createInputTopic(
        topic, new StringSerializer(), EventSerdes.serde(type).serializer());
  }

  /** The reports drawn from the driver's stores, as production draws them from its own. */
  static Reports reports(
      TopologyTestDriver driver, Catalog catalog, ReportingProperties properties) {
    return new Reports(
        new Reports.Source() {
          @Override
          public Counts day(LocalDate day) {
            return FigureCounters.of(
                driver.<String, Long>getKeyValueStore(FiguresTopology.DAILY_FIGURES),
                day.toString());
          }

          @Override
          public long callbacksOn(LocalDate day) {
            KeyValueStore<String, Long> callbacks =
                driver.getKeyValueStore(FiguresTopology.DAILY_CALLBACKS);
            Long count = callbacks.get(day.toString());
            return count == null ? 0 : count;
          }

          @Override
          public Counts batch(String label) {
            return FigureCounters.of(
                driver.<String, Long>getKeyValueStore(FiguresTopology.BATCH_FIGURES), label);
          }
        },
        catalog,
        properties);
  }
}
