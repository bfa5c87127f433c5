package cn.gov.xining.hotline.broker;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import cn.gov.xining.hotline.broker.KafkaSecurity.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a running broker enforce a {@link KafkaSecurity}, logged in as its admin: every principal's
 * SCRAM credential is written (so a principal added to the file, or a new password, takes effect on
 * the next start) and those of users the file no longer names are deleted; the broker's ACLs become
 * exactly the file's; then the file's topics are created if missing and the configs it lists are
 * set on those that exist. Only admin creates or reconfigures topics: no service may. Safe to
 * repeat.
 */
public final class SecurityProvisioner {

  private static final Logger log = LoggerFactory.getLogger(SecurityProvisioner.class);

  private static final int SCRAM_ITERATIONS = 4096;
  private static final Duration ACLS_IN_FORCE_WITHIN = Duration.ofSeconds(30);

  /** How long a node of a cluster waits for the others before it creates the topics. */
  private static final Duration CLUSTER_COMPLETE_WITHIN = Duration.ofMinutes(5);

  private final KafkaSecurity security;
  private final int replicas;

  public SecurityProvisioner(KafkaSecurity security) {
    this(security, 1);
  }

  /**
   * @param replicas the brokers that must be up before topics are created: a cluster's topics get
   *     three replicas, which a broker alone cannot place
   */
  public SecurityProvisioner(KafkaSecurity security, int replicas) {
    this.security = security;
    this.replicas = replicas;
  }

  /** What the broker enforces once provisioned, and what this run changed. */
  public record Outcome(
      int principals,
      int aclBindings,
      int aclsAdded,
      int aclsRemoved,
      List<String> topicsCreated,
      List<String> topicsReconfigured) {}

  public Outcome provision(String bootstrapServers) {
    var config = new HashMap<>(security.clientProperties(KafkaSecurity.ADMIN));
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(config)) {
      writeCredentials(admin);
      Set<AclBinding> wanted = security.aclBindings();
      Set<AclBinding> present = acls(admin);
      var stray = present.stream().filter(acl -> !wanted.contains(acl)).toList();
      var missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
      if (!stray.isEmpty()) {
        await(admin.deleteAcls(stray.stream().map(AclBinding::toFilter).toList()).all());
      }
      if (!missing.isEmpty()) {
        await(admin.createAcls(missing).all());
      }
      awaitInForce(admin, wanted);
      awaitBrokers(admin);
      Set<String> existing = await(admin.listTopics().names());
      var outcome =
          new Outcome(
              security.principals().size(),
              wanted.size(),
              missing.size(),
              stray.size(),
              createMissingTopics(admin, existing),
              reconfigureTopics(admin, existing));
      log.info(
          "Kafka security in force: {} principals, {} ACL bindings ({} added, {} removed);"
              + " {} topics created, {} reconfigured",
          outcome.principals(),
          outcome.aclBindings(),
          outcome.aclsAdded(),
          outcome.aclsRemoved(),
          outcome.topicsCreated().size(),
          outcome.topicsReconfigured().size());
      return outcome;
    } catch (SaslAuthenticationException e) {
      throw new IllegalStateException(
          "admin cannot log in with the file's password: was the data directory formatted without"
              + " --security, or has admin's password changed since? See docs/kafka-security.md",
          e);
    }
  }

  private void writeCredentials(Admin admin) {
    Set<String> named = security.principals().stream().map(Principal::name).collect(toSet());
    var alterations = new ArrayList<UserScramCredentialAlteration>();
    for (Principal principal : security.principals()) {
      alterations.add(
          new UserScramCredentialUpsertion(
              principal.name(),
              new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
              principal.password()));
    }
    await(admin.describeUserScramCredentials().all())
        .forEach(
            (user, stored) -> {
              if (!named.contains(user)) {
                stored
                    .credentialInfos()
                    .forEach(
                        c -> alterations.add(new UserScramCredentialDeletion(user, c.mechanism())));
              }
            });
    await(admin.alterUserScramCredentials(alterations).all());
  }

  /**
   * ACL changes go through the controller's metadata log and reach the broker's authorizer a moment
   * later; the broker answers DescribeAcls from that authorizer, so this waits until it shows them.
   */
  private static void awaitInForce(Admin admin, Set<AclBinding> wanted) {
    long deadline = System.nanoTime() + ACLS_IN_FORCE_WITHIN.toNanos();
    while (!acls(admin).equals(wanted)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the broker did not enforce the file's ACLs within " + ACLS_IN_FORCE_WITHIN);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  /**
   * Every node of a cluster starts its provisioning as soon as it is up itself, but a topic with
   * three replicas can only be placed once three brokers have registered. Polls the cluster's
   * membership (what Kafka offers; there is no event to wait for) until they have.
   */
  private void awaitBrokers(Admin admin) {
    long deadline = System.nanoTime() + CLUSTER_COMPLETE_WITHIN.toNanos();
    int registered;
    while ((registered = await(admin.describeCluster().nodes()).size()) < replicas) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only "
                + registered
                + " of the cluster's "
                + replicas
                + " brokers came up within "
                + CLUSTER_COMPLETE_WITHIN);
      }
      log.info("Waiting for the cluster: {} of {} brokers registered", registered, replicas);
      sleep(Duration.ofSeconds(1));
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> createMissingTopics(Admin admin, Set<String> existing) {
    var missing =
        security.topics().stream()
            .filter(topic -> !existing.contains(topic.name()))
            // The broker's partition count (num.partitions), the services' default too: a
            // dead-letter record keeps its partition, and handling joins the progress topics with
            // ticket-progress by ticket number, so all must match.
            .map(
                t ->
                    new NewTopic(t.name(), Optional.empty(), Optional.empty()).configs(t.configs()))
            .toList();
    var created = new ArrayList<String>();
    var results = admin.createTopics(missing).values();
    for (var topic : missing) {
      try {
        await(results.get(topic.name()));
        created.add(topic.name());
      } catch (TopicExistsException madeByAnotherNode) {
        // In a cluster every node provisions at its start; the first one made it.
      }
    }
    return created;
  }

  /**
   * Sets every config the file lists on a topic whose value differs (an edited retention, or a
   * topic made before the file said so); configs the file does not list are left as they are.
   * Topics just created have theirs already.
   */
  private List<String> reconfigureTopics(Admin admin, Set<String> existing) {
    var resources =
        security.topics().stream()
            .filter(topic -> existing.contains(topic.name()) && !topic.configs().isEmpty())
            .collect(
                toMap(
                    topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                    KafkaSecurity.Topic::configs));
    if (resources.isEmpty()) {
      return List.of();
    }
    Map<ConfigResource, Config> present = await(admin.describeConfigs(resources.keySet()).all());
    var changes = new HashMap<ConfigResource, Collection<AlterConfigOp>>();
    resources.forEach(
        (resource, wanted) -> {
          var ops =
              wanted.entrySet().stream()
                  .filter(entry -> !isSet(present.get(resource), entry.getKey(), entry.getValue()))
                  .map(
                      entry ->
                          new AlterConfigOp(
                              new ConfigEntry(entry.getKey(), entry.getValue()),
                              AlterConfigOp.OpType.SET))
                  .toList();
          if (!ops.isEmpty()) {
            changes.put(resource, ops);
          }
        });
    if (!changes.isEmpty()) {
      await(admin.incrementalAlterConfigs(changes).all());
    }
    return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
  }

  private static boolean isSet(Config config, String name, String value) {
    ConfigEntry entry = config == null ? null : config.get(name);
    return entry != null && value.equals(entry.value());
  }

  private static Set<AclBinding> acls(Admin admin) {
    return new HashSet<>(await(admin.describeAcls(AclBindingFilter.ANY).values()));
  }

  private static <T> T await(KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
