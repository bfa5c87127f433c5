package cn.gov.xining.hotline.routing.learning;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the model's versions back at start: {@code routing-examples} and {@code routing-models}
 * read to their end and the active version retrained ({@link ModelVersions#start}), all before the
 * listener containers start, so the first ticket decided after a restart is decided by the version
 * that was active before it. Both topics are followed from there on, so a version trained or
 * activated on another instance becomes active on this one too ({@link ModelVersions}).
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

  private final DispatchedExamples examples;
  private final ModelVersions versions;
  private volatile boolean running;

  ActiveVersionRestore(DispatchedExamples examples, ModelVersions versions) {
    this.examples = examples;
    this.versions = versions;
  }

  @Override
  public void start() {
    // The examples first: the active version is rebuilt from them.
    examples.start(WITHIN);
    try {
      versions.start(WITHIN);
    } catch (RuntimeException e) {
      examples.stop(); // a failed start is not stopped by the context
      throw e;
    }
    running = true;
  }

  @Override
  public void stop() {
    versions.stop();
    examples.stop();
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
