package cn.gov.xining.hotline.kafka.streams;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Which instance of a Kafka Streams service holds what, from Kafka Streams' own interactive-query
 * metadata. Each instance advertises the address its REST API listens on as {@code
 * application.server} ({@link #advertise}, once the web server has its port and before Kafka
 * Streams starts); Kafka Streams shares the members' addresses at every rebalance, so every
 * instance knows which one holds the active copy of a key's partition. An instance that advertises
 * nothing (no web server, as in a MockMvc test) answers everything from its own stores, as a single
 * instance always did.
 */
public class StreamsInstances {

  private static final Logger log = LoggerFactory.getLogger(StreamsInstances.class);

  private final StreamsBuilderFactoryBean streams;
  private final String host;
  private volatile HostInfo self;

  /**
   * @param host what the other instances reach this one at ({@link #hostOf})
   */
  public StreamsInstances(StreamsBuilderFactoryBean streams, String host) {
    this.streams = streams;
    this.host = host;
  }

  /**
   * The host to advertise: the configured one, else the address the web server is bound to, else,
   * for a server bound to every interface, this machine's name.
   */
  static String hostOf(String advertisedHost, String serverAddress) {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost.strip();
    }
    if (serverAddress != null && !serverAddress.isBlank()) {
      try {
        if (!InetAddress.getByName(serverAddress.strip()).isAnyLocalAddress()) {
          return serverAddress.strip();
        }
      } catch (UnknownHostException e) {
        return serverAddress.strip(); // a name only the other instances' network resolves
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(
          "this machine has no name: set hotline.streams.advertised-host", e);
    }
  }

  /**
   * Advertises this instance at the port its web server listens on. Kafka Streams reads {@code
   * application.server} when it starts, which Spring does after the web server has started.
   */
  public void advertise(int port) {
    var config = streams.getStreamsConfiguration();
    if (config == null) {
      return;
    }
    var advertised = new HostInfo(host, port);
    config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, InstanceProblem.address(advertised));
    streams.setStreamsConfiguration(config);
    if (streams.isRunning()) {
      log.warn("Kafka Streams already runs: {} is advertised from its next start", advertised);
    }
    self = advertised;
  }

  /** This instance as the others reach it, once it has advertised itself. */
  public Optional<HostInfo> self() {
    return Optional.ofNullable(self);
  }

  /**
   * The other instance holding the active copy of the key's partition of the store, or empty when
   * this instance answers for the key itself: it holds it, or it advertises nothing, or Kafka
   * Streams is not running here (whose answer, a 503, is the store's to give, as it always was).
   *
   * @param keySerializer the store's key serializer: it decides the key's partition
   * @throws InstanceProblem a 503 while no instance is known to hold the key (a rebalance)
   */
  public <K> Optional<HostInfo> otherHolderOf(String store, K key, Serializer<K> keySerializer) {
    HostInfo here = self;
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (here == null || kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
      return Optional.empty();
    }
    var metadata = kafkaStreams.queryMetadataForKey(store, key, keySerializer);
    if (metadata == null
        || metadata.activeHost() == null
        || metadata.activeHost().equals(HostInfo.unavailable())) {
      throw InstanceProblem.rebalancing();
    }
    return here.equals(metadata.activeHost())
        ? Optional.empty()
        : Optional.of(metadata.activeHost());
  }

  /**
   * The other instances holding active partitions of the store (not those with standby copies
   * only): with this one's own, every partition of it.
   */
  public List<HostInfo> othersHolding(String store) {
    HostInfo here = self;
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (here == null || kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
      return List.of();
    }
    return kafkaStreams.streamsMetadataForStore(store).stream()
        .filter(instance -> instance.stateStoreNames().contains(store))
        .map(StreamsMetadata::hostInfo)
        .filter(instance -> !instance.equals(here))
        .distinct()
        .toList();
  }
}
