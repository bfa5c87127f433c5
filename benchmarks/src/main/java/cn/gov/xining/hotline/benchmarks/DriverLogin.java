package cn.gov.xining.hotline.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How the drivers' own Kafka clients log in to the run command's broker (SASL/SCRAM, authorizer
 * on): as {@code admin}, since a driver stands in for every department and the hotline's staff at
 * once and sets up its reference topic. {@code -Dkafka.security=PLAINTEXT} for a broker without
 * security; {@code HOTLINE_KAFKA_PASSWORD_ADMIN} if the password is not the development one.
 */
final class DriverLogin {

  private DriverLogin() {}

  static Map<String, Object> properties() {
    var login = new HashMap<String, Object>();
    String protocol = System.getProperty("kafka.security", "SASL_PLAINTEXT");
    login.put("security.protocol", protocol);
    if (protocol.startsWith("SASL")) {
      login.put("sasl.mechanism", "SCRAM-SHA-512");
      login.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\""
              + " password=\""
              + System.getenv().getOrDefault("HOTLINE_KAFKA_PASSWORD_ADMIN", "admin-dev-password")
              + "\";");
    }
    return login;
  }

  /** The same, added to client properties. */
  static Properties with(Properties properties) {
    properties.putAll(properties());
    return properties;
  }

  /** Admin client properties for a bootstrap address. */
  static Map<String, Object> admin(String bootstrap) {
    var properties = new HashMap<>(properties());
    properties.put("bootstrap.servers", bootstrap);
    return properties;
  }

  /** ProducerPerformance's {@code --producer-props} form. */
  static List<String> asArguments() {
    return properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
