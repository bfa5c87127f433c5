package cn.gov.xining.hotline.testsupport;

import cn.gov.xining.hotline.kafka.streams.StreamsInstances;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Instances of a Kafka Streams service started side by side in one test (each its own Spring
 * context): where each answers, and which holds what.
 */
public final class StreamsInstancesInTest {

  private StreamsInstancesInTest() {}

  public static StreamsInstances instances(ConfigurableApplicationContext instance) {
    return instance.getBean(StreamsInstances.class);
  }

  /** The host and port the instance advertises, and its REST API answers on. */
  public static HostInfo self(ConfigurableApplicationContext instance) {
    return instances(instance).self().orElseThrow();
  }

  /** {@code http://host:port}. */
  public static String baseUrl(ConfigurableApplicationContext instance) {
    var self = self(instance);
    return "http://" + self.host() + ":" + self.port();
  }

  /** Whether the instance holds the active copy of a (string) key of the store. */
  public static boolean holds(ConfigurableApplicationContext instance, String store, String key) {
    return instances(instance).otherHolderOf(store, key, Serdes.String().serializer()).isEmpty();
  }

  /** Running, with partitions of its own: the assignment has given it a share of the work. */
  public static boolean holdsActiveTasks(ConfigurableApplicationContext instance) {
    KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    return streams != null
        && streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForLocalThreads().stream()
            .anyMatch(thread -> !thread.activeTasks().isEmpty());
  }
}
