package cn.gov.xining.hotline.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class StreamsInstancesTest {

  @Test
  void theConfiguredHostWinsThenTheServersOwnAddressButNeverAWildcard() {
    assertThat(StreamsInstances.hostOf("handling-2", "0.0.0.0")).isEqualTo("handling-2");
    assertThat(StreamsInstances.hostOf(" ", "127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(StreamsInstances.hostOf(null, "0.0.0.0")).isNotEqualTo("0.0.0.0").isNotBlank();
    assertThat(StreamsInstances.hostOf(null, null)).isNotBlank();
  }

  @Test
  void anInstanceAdvertisesTheWebServersPortAsApplicationServerBeforeKafkaStreamsStarts() {
    var streams = new StreamsBuilderFactoryBean();
    var config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "handling-service");
    streams.setStreamsConfiguration(config);
    var instances = new StreamsInstances(streams, "127.0.0.1");

    instances.advertise(41234);

    assertThat(streams.getStreamsConfiguration())
        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:41234")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "handling-service");
    assertThat(instances.self()).contains(new HostInfo("127.0.0.1", 41234));
  }

  @Test
  void anInstanceThatAdvertisesNothingAnswersEveryKeyItself() {
    var instances = new StreamsInstances(new StreamsBuilderFactoryBean(), "127.0.0.1");

    assertThat(
            instances.otherHolderOf("case-files", "261123-05-0001", Serdes.String().serializer()))
        .isEmpty();
    assertThat(instances.othersHolding("case-files")).isEmpty();
  }

  @Test
  void aRebalanceIsATemporary503ProblemWithRetryAfter() {
    var problem = InstanceProblem.rebalancing();

    assertThat(problem.getStatusCode().value()).isEqualTo(503);
    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(problem.getBody().getType().toString()).endsWith("/rebalancing");
    assertThat(problem.getBody().getTitle()).startsWith("数据正在实例间迁移");
  }
}
