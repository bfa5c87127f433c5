package cn.gov.xining.hotline.broker;

import static java.util.stream.Collectors.toSet;

import cn.gov.xining.hotline.broker.KafkaSecurity.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a running broker enforce a {@link KafkaSecurity}, logged in as its admin: every principal's
 * SCRAM credential is written (so a principal added to the file, or a new password, takes effect on
 * the next start) and those of users the file no longer names are deleted; the broker's ACLs become
 * exactly the file's; then the per-unit topics are created if missing. Safe to repeat.
 */
public final class SecurityProvisioner {

  private static final Logger log = LoggerFactory.getLogger(SecurityProvisioner.class);

  private static final int SCRAM_ITERATIONS = 4096;
  private static final Duration ACLS_IN_FORCE_WITHIN = Duration.ofSeconds(30);

  private final KafkaSecurity security;

  public SecurityProvisioner(KafkaSecurity security) {
    this.security = security;
  }

  /** What the broker enforces once provisioned, and what this run changed. */
  public record Outcome(
      int principals,
      int aclBindings,
      int aclsAdded,
      int aclsRemoved,
      List<String> topicsCreated) {}

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
      var outcome =
          new Outcome(
              security.principals().size(),
              wanted.size(),
              missing.size(),
              stray.size(),
              createMissingUnitTopics(admin));
      log.info(
          "Kafka security in force: {} principals, {} ACL bindings ({} added, {} removed);"
              + " {} unit topics created",
          outcome.principals(),
          outcome.aclBindings(),
          outcome.aclsAdded(),
          outcome.aclsRemoved(),
          outcome.topicsCreated().size());
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
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private List<String> createMissingUnitTopics(Admin admin) {
    Set<String> existing = await(admin.listTopics().names());
    var missing =
        security.unitTopics().stream()
            .filter(topic -> !existing.contains(topic.name()))
            // The broker's partition count (num.partitions), the services' default too: handling
            // reads these with ticket-progress, keyed by ticket number, so they must match.
            .map(
                t ->
                    new NewTopic(t.name(), Optional.empty(), Optional.empty()).configs(t.configs()))
            .toList();
    if (!missing.isEmpty()) {
      await(admin.createTopics(missing).all());
    }
    return missing.stream().map(NewTopic::name).toList();
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
