package cn.gov.xining.hotline.kafka.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.web.client.RestClient;

/**
 * Several instances of a Kafka Streams service, each holding some partitions, answering as one.
 * Every instance leaves the group when it closes, so a rolling restart hands its partitions over at
 * once instead of after {@code session.timeout.ms}. A service with a web server advertises it as
 * {@code application.server} and gets {@link StreamsInstances} (who holds what) and {@link
 * InstanceForwarder} (asking the instance that does).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaStreams.class)
@ConditionalOnBean(StreamsBuilderFactoryBean.class)
public class KafkaStreamsInstancesAutoConfiguration {

  @Bean
  StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
    return streams -> streams.setLeaveGroupOnClose(true);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({RestClient.class, WebServerInitializedEvent.class})
  @EnableConfigurationProperties(StreamsInstanceProperties.class)
  static class InteractiveQueriesAcrossInstances {

    /**
     * Streams stops after the web server's graceful shutdown, not before (its default phase is the
     * highest): requests in flight finish while this instance still holds their partitions, and
     * only then are the partitions handed over. It still starts after the web server, whose port it
     * advertises.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer stopAfterRequestsDrain() {
      return streams ->
          streams.setPhase(
              org.springframework.boot.web.server.context.WebServerApplicationContext
                      .GRACEFUL_SHUTDOWN_PHASE
                  - 1);
    }

    @Bean
    StreamsInstances streamsInstances(
        StreamsBuilderFactoryBean streams,
        StreamsInstanceProperties properties,
        Environment environment) {
      return new StreamsInstances(
          streams,
          StreamsInstances.hostOf(
              properties.advertisedHost(), environment.getProperty("server.address")));
    }

    @Bean
    InstanceForwarder instanceForwarder(
        StreamsInstances instances, StreamsInstanceProperties properties) {
      return new InstanceForwarder(instances, properties);
    }

    @Bean
    AdvertiseThisInstance advertiseThisInstance(StreamsInstances instances) {
      return new AdvertiseThisInstance(instances);
    }
  }

  /**
   * The web server's port is known once it has started, which Spring does before it starts Kafka
   * Streams (an earlier lifecycle phase): {@code server.port=0} advertises the port it got.
   */
  static final class AdvertiseThisInstance
      implements ApplicationListener<WebServerInitializedEvent> {

    private final StreamsInstances instances;

    AdvertiseThisInstance(StreamsInstances instances) {
      this.instances = instances;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
      // The management server, when it has a port of its own, serves no store.
      if (event.getApplicationContext().getServerNamespace() == null) {
        instances.advertise(event.getWebServer().getPort());
      }
    }
  }
}
