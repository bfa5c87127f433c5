package cn.gov.xining.hotline.routing.learning;

import cn.gov.xining.hotline.contract.Topics;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the model's versions back at start: {@code routing-examples} and {@code routing-models}
 * read to their end and the active version retrained ({@link ModelVersions#restore}), all before
 * the listener containers start, so the first ticket decided after a restart is decided by the
 * version that was active before it.
 */
@Component
class ActiveVersionRestore implements SmartLifecycle {

  /**
   * Started before the web server and the listener containers (both in phases near {@code
   * Integer.MAX_VALUE}): no ticket is decided and no version trained while this runs. The topics
   * exist by then: they are declared when the singletons are ready, before any phase starts.
   */
  static final int PHASE = 0;

  /**
   * A broker that cannot be read for this long fails the start: deciding with model-0 while another
   * version is active is the mistake this class exists to prevent.
   */
  private static final Duration WITHIN = Duration.ofMinutes(2);

  private final ConsumerFactory<?, ?> consumers;
  private final DispatchedExamples examples;
  private final ModelVersions versions;
  private volatile boolean running;

  ActiveVersionRestore(
      ConsumerFactory<?, ?> consumers, DispatchedExamples examples, ModelVersions versions) {
    this.consumers = consumers;
    this.examples = examples;
    this.versions = versions;
  }

  @Override
  public void start() {
    // Spring Boot's consumer factory: its properties hold the broker as connected (a service
    // connection in tests included) and the login.
    var properties = consumers.getConfigurationProperties();
    examples.readAtStart(
        CompactedTopic.read(properties, Topics.ROUTING_EXAMPLES, DispatchedExample.class, WITHIN));
    versions.restore(
        CompactedTopic.read(properties, Topics.ROUTING_MODELS, ModelVersion.class, WITHIN)
            .latest());
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
