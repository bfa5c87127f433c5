package cn.gov.xining.hotline.reporting.daily;

import cn.gov.xining.hotline.kafka.EventSerdes;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

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
}
