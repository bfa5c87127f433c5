package cn.gov.xining.hotline.endtoend;

import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.nio.file.Path;
import java.util.Map;

/**
 * The brokers of the end-to-end tests run as the run command's does: SASL/SCRAM and the authorizer
 * on, with the principals and ACLs of {@code deploy/kafka-security.yaml}.
 */
final class SecuredKafka {

  static final Path SECURITY_FILE =
      Path.of(System.getProperty("hotline.repository", ".."))
          .resolve("deploy/kafka-security.yaml")
          .toAbsolutePath()
          .normalize();

  private SecuredKafka() {}

  /** An in-process broker enforcing the file, started. */
  static RestartableBroker started() {
    var broker = RestartableBroker.secured(SECURITY_FILE);
    broker.start();
    return broker;
  }

  /** The tests' own eyes on the topics: logged in as {@code admin}, who may read everything. */
  static TopicProbe adminProbe(RestartableBroker broker) {
    return new TopicProbe(broker.bootstrapServers(), broker.clientProperties("admin"));
  }

  /** A principal's client properties, e.g. a unit's system's. */
  static Map<String, Object> login(RestartableBroker broker, String principal) {
    return broker.clientProperties(principal);
  }
}
