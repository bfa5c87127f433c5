package cn.gov.xining.hotline.broker;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toList;

import cn.gov.xining.hotline.broker.SecurityFile.AclEntry;
import cn.gov.xining.hotline.broker.SecurityFile.PrincipalEntry;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * The broker's principals (SCRAM-SHA-512 users), their ACLs and the hotline's topics, read from
 * {@code deploy/kafka-security.yaml}; and what follows from them for the broker's configuration,
 * its storage format and a client's configuration. Shared by {@link LocalKafkaBroker} and the
 * tests' in-process broker, so both enforce the same file.
 *
 * @param principals every principal, the unit template's expanded, passwords final
 * @param topics every topic of the hotline, created if missing and its configs kept as written
 */
public record KafkaSecurity(List<Principal> principals, List<Topic> topics) {

  /** The super user that applies the ACLs and creates topics. */
  public static final String ADMIN = "admin";

  /** The broker's own user on its inter-broker connections (transaction markers). */
  public static final String BROKER = "broker";

  static final String MECHANISM = "SCRAM-SHA-512";

  // By name: the broker's modules are on the classpath at runtime only.
  private static final String AUTHORIZER =
      "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

  private static final String PASSWORD_VARIABLE_PREFIX = "HOTLINE_KAFKA_PASSWORD_";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  // A password goes into a JAAS string and into --add-scram, which splits at commas.
  private static final Pattern PASSWORD = Pattern.compile("[^\\s,\"\\\\]+");

  public KafkaSecurity {
    principals = List.copyOf(principals);
    topics = List.copyOf(topics);
  }

  /** A SCRAM user and what it may do. */
  public record Principal(String name, String password, boolean superUser, List<AclBinding> acls) {
    public Principal {
      acls = List.copyOf(acls);
    }

    /** Without the password, which would otherwise end up in a log line or assertion message. */
    @Override
    public String toString() {
      return "Principal["
          + name
          + (superUser ? ", super user" : ", " + acls.size() + " ACLs")
          + "]";
    }
  }

  /** A topic, e.g. {@code ticket-progress} or {@code progress-hrss}, with its topic configs. */
  public record Topic(String name, Map<String, String> configs) {}

  /**
   * Reads the file; {@code HOTLINE_KAFKA_PASSWORD_<PRINCIPAL>} variables override its passwords.
   */
  public static KafkaSecurity read(Path file) {
    return from(SecurityFile.read(file), System.getenv());
  }

  static KafkaSecurity from(SecurityFile file, Map<String, String> environment) {
    Map<String, List<PrincipalEntry>> byName =
        file.allPrincipals().stream()
            .collect(groupingBy(PrincipalEntry::name, LinkedHashMap::new, toList()));
    var principals = byName.values().stream().map(entries -> merged(entries, environment)).toList();
    var topics = file.allTopics().stream().map(t -> new Topic(t.name(), t.configs())).toList();
    var names = new HashSet<String>();
    for (Topic topic : topics) {
      if (!names.add(topic.name())) {
        throw new IllegalArgumentException("topic " + topic.name() + " is named twice");
      }
    }
    var security = new KafkaSecurity(principals, topics);
    for (String required : List.of(ADMIN, BROKER)) {
      if (!security.principal(required).superUser()) {
        throw new IllegalArgumentException("principal " + required + " must be a super user");
      }
    }
    return security;
  }

  /**
   * The environment variable that overrides a principal's password: {@code unit-gov-630121} reads
   * {@code HOTLINE_KAFKA_PASSWORD_UNIT_GOV_630121}.
   */
  public static String passwordVariable(String principal) {
    return PASSWORD_VARIABLE_PREFIX
        + principal.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  public Principal principal(String name) {
    return principals.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no principal " + name + " in the file"));
  }

  /** Every ACL binding the broker must hold, and no other. */
  public Set<AclBinding> aclBindings() {
    var all = new LinkedHashSet<AclBinding>();
    principals.forEach(p -> all.addAll(p.acls()));
    return all;
  }

  /**
   * The listener, SASL and authorizer keys of server.properties: SCRAM on the client port, also for
   * the broker's connections to itself (transaction markers); SASL PLAIN on the controller listener
   * (SCRAM cannot serve it: its credentials live in the metadata the controller serves), where only
   * the broker itself may log in. Nobody reaches either port without a password.
   */
  public Map<String, String> brokerProperties(int port, int controllerPort) {
    return brokerProperties("127.0.0.1", "127.0.0.1", port, controllerPort);
  }

  /**
   * The same, the client port listening on {@code bindHost} and advertised as {@code clientHost}
   * (in a container network: every interface, and the container's name).
   */
  public Map<String, String> brokerProperties(
      String bindHost, String clientHost, int port, int controllerPort) {
    return brokerProperties(bindHost, clientHost, port, "127.0.0.1", "127.0.0.1", controllerPort);
  }

  /**
   * The same for a node of a cluster, whose controller listens on {@code controllerBindHost} and is
   * known to the other nodes as {@code controllerHost}.
   */
  public Map<String, String> brokerProperties(
      String bindHost,
      String clientHost,
      int port,
      String controllerBindHost,
      String controllerHost,
      int controllerPort) {
    String superUsers =
        principals.stream()
            .filter(Principal::superUser)
            .map(p -> "User:" + p.name())
            .collect(joining(";"));
    Principal broker = principal(BROKER);
    var properties = new LinkedHashMap<String, String>();
    properties.put(
        "listeners",
        "SASL_PLAINTEXT://%s:%d,CONTROLLER://%s:%d"
            .formatted(bindHost, port, controllerBindHost, controllerPort));
    properties.put(
        "advertised.listeners",
        "SASL_PLAINTEXT://%s:%d,CONTROLLER://%s:%d"
            .formatted(clientHost, port, controllerHost, controllerPort));
    properties.put(
        "listener.security.protocol.map",
        "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
    properties.put("sasl.mechanism.controller.protocol", "PLAIN");
    properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    properties.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\""
                .formatted(broker.name())
            + " password=\"%s\" user_%s=\"%s\";"
                .formatted(broker.password(), broker.name(), broker.password()));
    properties.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("sasl.enabled.mechanisms", MECHANISM);
    properties.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    properties.put(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        jaasConfig(principal(BROKER)));
    properties.put("authorizer.class.name", AUTHORIZER);
    properties.put("allow.everyone.if.no.acl.found", "false");
    properties.put("super.users", superUsers);
    return properties;
  }

  /**
   * The {@code kafka-storage format} arguments that store every principal's credential in the new
   * metadata log, so the broker's and the admin's exist before the broker first starts.
   */
  public List<String> formatArguments() {
    return principals.stream()
        .flatMap(
            p ->
                Stream.of(
                    "--add-scram",
                    "%s=[name=%s,password=%s]".formatted(MECHANISM, p.name(), p.password())))
        .toList();
  }

  /** security.protocol, sasl.mechanism and sasl.jaas.config of a client logging in as principal. */
  public Map<String, Object> clientProperties(String principal) {
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
        "SASL_PLAINTEXT",
        SaslConfigs.SASL_MECHANISM,
        MECHANISM,
        SaslConfigs.SASL_JAAS_CONFIG,
        jaasConfig(principal(principal)));
  }

  private static String jaasConfig(Principal principal) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required"
        + " username=\"%s\" password=\"%s\";".formatted(principal.name(), principal.password());
  }

  /** A principal's entries made one: the file may add ACLs to a principal in the unit template. */
  private static Principal merged(List<PrincipalEntry> entries, Map<String, String> env) {
    String name = entries.get(0).name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a principal's name must match " + NAME + ": " + name);
    }
    var passwords =
        entries.stream().map(PrincipalEntry::password).filter(Objects::nonNull).toList();
    if (passwords.size() != 1) {
      throw new IllegalArgumentException(
          "principal " + name + " needs exactly one password in the file, not " + passwords.size());
    }
    String password = env.getOrDefault(passwordVariable(name), passwords.get(0));
    if (!PASSWORD.matcher(password).matches()) {
      throw new IllegalArgumentException(
          "the password of "
              + name
              + " must not be empty nor contain whitespace, commas, quotes or backslashes");
    }
    var acls =
        entries.stream()
            .flatMap(entry -> entry.acls().stream())
            .flatMap(acl -> bindings(name, acl))
            .distinct()
            .toList();
    return new Principal(
        name, password, entries.stream().anyMatch(PrincipalEntry::superUser), acls);
  }

  private static Stream<AclBinding> bindings(String principal, AclEntry acl) {
    if (acl.resource() == null || acl.name() == null || acl.operations().isEmpty()) {
      throw new IllegalArgumentException(
          "an ACL of " + principal + " needs a resource, a name and operations: " + acl);
    }
    var resource = new ResourcePattern(acl.resource(), acl.name(), acl.pattern());
    return acl.operations().stream()
        .map(
            operation ->
                new AclBinding(
                    resource,
                    new AccessControlEntry(
                        "User:" + principal, "*", operation, AclPermissionType.ALLOW)));
  }
}
