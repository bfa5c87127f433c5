package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.kafka.EventSerdes;
import cn.gov.xining.hotline.reporting.reports.ReportingProperties;
import cn.gov.xining.hotline.reporting.reports.Reports;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The production reporting topology under Kafka Streams' test driver, with in-memory stores. */
public final class ReportingTopologyDriver {

  private ReportingTopologyDriver() {}

  public static TopologyTestDriver start(Path stateDir) {
    var builder = new StreamsBuilder();
    new FiguresTopology(new StateStores(true)).addTo(builder);
    var config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reporting-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new TopologyTestDriver(builder.build(), config);
  }

  public static <T> TestInputTopic<String, T> input(
      TopologyTestDriver driver, String topic, Class<T> type) {
    return driver.createInputTopic(
        topic, new StringSerializer(), EventSerdes.serde(type).serializer());
  }

  /** The reports drawn from the driver's stores, as production draws them from its own. */
  public static Reports reports(
      TopologyTestDriver driver, Catalog catalog, ReportingProperties properties) {
    return new Reports(
        new FigureStores(store -> driver.<String, Long>getKeyValueStore(store)),
        catalog,
        properties);
  }
}
