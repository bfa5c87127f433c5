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

  /**
   * Creates topics as operations would (admin), for a test that writes before any service has
   * declared them; the broker does not create topics on first use.
   */
  static void createTopics(RestartableBroker broker, String... names) throws Exception {
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(broker.clientProperties("admin"))) {
      admin
          .createTopics(
              java.util.Arrays.stream(names)
                  .map(name -> new org.apache.kafka.clients.admin.NewTopic(name, 3, (short) 1))
                  .toList())
          .all()
          .get();
    }
  }

  /** A principal's client properties, e.g. a unit's system's. */
  static Map<String, Object> login(RestartableBroker broker, String principal) {
    return broker.clientProperties(principal);
  }
}
