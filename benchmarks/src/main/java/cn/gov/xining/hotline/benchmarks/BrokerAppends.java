package cn.gov.xining.hotline.benchmarks;

import java.util.HashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Every record the broker has appended, on every topic including the services' changelogs and
 * repartition topics, consumer offsets and transaction state: the sum of the log-end offsets
 * (transaction markers take an offset too). Read before and after a run, the difference divided by
 * the tickets taken is what one ticket costs the broker, to set against what the broker alone
 * appends per second for Kafka's own producer on the same machine.
 */
final class BrokerAppends {

  /** The reference run's topic, left out: it is not the system's traffic. */
  private static final String REFERENCE_TOPIC = "benchmark-producer-performance";

  private BrokerAppends() {}

  static long total(String bootstrap) throws Exception {
    try (var admin = Admin.create(DriverLogin.admin(bootstrap))) {
      var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
      names.remove(REFERENCE_TOPIC);
      var request = new HashMap<TopicPartition, OffsetSpec>();
      admin
          .describeTopics(names)
          .allTopicNames()
          .get()
          .forEach(
              (name, topic) ->
                  topic
                      .partitions()
                      .forEach(
                          p ->
                              request.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      return admin.listOffsets(request).all().get().values().stream()
          .mapToLong(end -> end.offset())
          .sum();
    }
  }
}
