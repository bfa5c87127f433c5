package cn.gov.xining.hotline.broker;

import static cn.gov.xining.hotline.broker.KafkaSecurityTest.allow;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's secured configuration, in this JVM: the server.properties and the format that
 * {@code --security=deploy/kafka-security.yaml} produces, started as Kafka.main would, then the
 * admin step; every client logs in with the file's development passwords.
 */
class SecuredBrokerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String TICKET = "260131-01-0001";

  @TempDir static Path dataDir;

  private static KafkaSecurity security;
  private static KafkaRaftServer server;
  private static String bootstrapServers;
  private static String controller;
  private static SecurityProvisioner.Outcome firstStart;

  @BeforeAll
  static void startTheSecuredBroker() throws Exception {
    int port = freePort();
    int controllerPort = freePort();
    controller = "127.0.0.1:" + controllerPort;
    BrokerSettings settings =
        BrokerSettings.fromArgs(
            "--data-dir=" + dataDir,
            "--port=" + port,
            "--controller-port=" + controllerPort,
            "--security=" + KafkaSecurityTest.FILE);
    security = KafkaSecurity.read(settings.securityFile());
    Path config = LocalKafkaBroker.configure(settings, security);
    server =
        new KafkaRaftServer(
            KafkaConfig.fromProps(Utils.loadProps(config.toString()), false), Time.SYSTEM);
    server.startup();
    bootstrapServers = "127.0.0.1:" + port;
    firstStart = new SecurityProvisioner(security).provision(bootstrapServers);
  }

  @AfterAll
  static void stopTheBroker() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
    }
  }

  @Test
  void startsWithEveryPrincipalOfTheFileAndCreatesEveryTopicWithItsConfigs() throws Exception {
    assertThat(firstStart.principals()).isEqualTo(security.principals().size());
    assertThat(firstStart.aclBindings()).isEqualTo(security.aclBindings().size());
    assertThat(firstStart.aclsAdded()).isEqualTo(firstStart.aclBindings());
    assertThat(firstStart.topicsCreated())
        .containsExactlyInAnyOrderElementsOf(
            security.topics().stream().map(KafkaSecurity.Topic::name).toList());
    try (Admin admin = admin("admin")) {
      var progress = new ConfigResource(ConfigResource.Type.TOPIC, "progress-gov-630121");
      var configs = admin.describeConfigs(List.of(progress)).all().get(10, SECONDS).get(progress);
      assertThat(configs.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
      var triage = new ConfigResource(ConfigResource.Type.TOPIC, "tickets-triage");
      assertThat(
              admin
                  .describeConfigs(List.of(triage))
                  .all()
                  .get(10, SECONDS)
                  .get(triage)
                  .get("cleanup.policy")
                  .value())
          .isEqualTo("compact");
    }
  }

  @Test
  void letsAUnitReadItsOwnAssignmentsButNotAnotherUnits() throws Exception {
    // given routing has assigned a ticket to each of two units
    send("routing-service", "assignments-hrss", TICKET);
    send("routing-service", "assignments-water", TICKET);

    // then hrss reads its own, with a group of its own prefix
    try (var consumer = consumer("unit-hrss", "unit-hrss-case-system")) {
      consumer.subscribe(List.of("assignments-hrss"));
      List<ConsumerRecord<String, String>> read = new ArrayList<>();
      await()
          .atMost(TIMEOUT)
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return !read.isEmpty();
              });
      assertThat(read).extracting(ConsumerRecord::key).contains(TICKET);
    }
    // and is refused water's
    try (var consumer = consumer("unit-hrss", "unit-hrss-case-system-2")) {
      consumer.subscribe(List.of("assignments-water"));
      assertThat(firstFailureOf(consumer))
          .isInstanceOf(TopicAuthorizationException.class)
          .hasMessageContaining("assignments-water");
    }
  }

  @Test
  void letsAUnitWriteItsOwnProgressButNotAnotherUnitsNorReceivedTickets() throws Exception {
    assertThat(send("unit-hrss", "progress-hrss", TICKET).topic()).isEqualTo("progress-hrss");

    assertThatThrownBy(() -> send("unit-hrss", "progress-water", TICKET))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> send("unit-hrss", "tickets-received", TICKET))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void letsIntakeWriteReceivedTicketsButNotRouting() throws Exception {
    assertThat(send("intake-service", "tickets-received", TICKET).topic())
        .isEqualTo("tickets-received");

    assertThatThrownBy(() -> send("routing-service", "tickets-received", TICKET))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void refusesAWrongPassword() {
    // given
    Map<String, Object> config = clientConfig("unit-hrss");
    config.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"unit-hrss\" password=\"unit-water-dev-password\";");

    // then
    try (Admin admin = Admin.create(config)) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void refusesAClientWithoutSaslOnTheClientPort() {
    // given a client as every service is configured today: PLAINTEXT, no principal
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);

    // then it never gets an answer
    try (Admin admin = Admin.create(config)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, SECONDS))
          .hasCauseInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void refusesAnAnonymousAdminOnTheControllerPort() {
    // given an admin client talking to the controller directly, with no credentials
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);

    // then it can neither read nor change the ACLs
    try (Admin anonymous = Admin.create(config)) {
      assertThatThrownBy(
              () ->
                  anonymous
                      .describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY)
                      .values()
                      .get(10, SECONDS))
          .isInstanceOf(java.util.concurrent.ExecutionException.class);
    }
  }

  @Test
  void letsNoServiceNorUnitCreateDeleteOrReconfigureATopic() throws Exception {
    var ticketProgress = new ConfigResource(ConfigResource.Type.TOPIC, "ticket-progress");
    Map<ConfigResource, Collection<AlterConfigOp>> logAppendTime =
        Map.of(
            ticketProgress,
            List.of(
                new AlterConfigOp(
                    new ConfigEntry("message.timestamp.type", "LogAppendTime"),
                    AlterConfigOp.OpType.SET)));
    try (Admin routing = admin("routing-service");
        Admin unit = admin("unit-hrss");
        Admin handling = admin("handling-service")) {
      refusedToCreate(routing, "hotline-actions-2");
      assertThatThrownBy(
              () -> unit.deleteTopics(List.of("assignments-hrss")).all().get(10, SECONDS))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
      // not even a topic of a kind it writes
      refusedToCreate(routing, "assignments-new-unit");
      refusedToCreate(handling, "lifecycle-new-unit");
      refusedToCreate(unit, "progress-evil");
      assertThatThrownBy(
              () -> handling.incrementalAlterConfigs(logAppendTime).all().get(10, SECONDS))
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
    try (Admin admin = admin("admin")) {
      admin.incrementalAlterConfigs(logAppendTime).all().get(10, SECONDS);
    }
  }

  private static void refusedToCreate(Admin client, String topic) {
    assertThatThrownBy(
            () ->
                client
                    .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                    .all()
                    .get(10, SECONDS))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void commitsATransactionOfRoutingsPrefixSoReadCommittedConsumersSeeIt() {
    // given routing's transactional producer, as transaction-id-prefix routing-1- makes it
    Map<String, Object> config = producerConfig("routing-service");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "routing-1-0");
    try (var producer = new KafkaProducer<String, String>(config)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("routing-decisions", "260131-01-0002", "{}"));
      // when
      producer.commitTransaction();
    }

    // then intake, reading committed records only, sees the decision: the commit marker reached
    // the partition through the broker's own SCRAM connection
    try (var consumer = consumer("intake-service", "intake-ticket-status-1")) {
      consumer.subscribe(List.of("routing-decisions"));
      List<String> keys = new ArrayList<>();
      await()
          .atMost(TIMEOUT)
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.contains("260131-01-0002");
              });
    }
  }

  @Test
  void refusesATransactionalIdOutsideThePrincipalsPrefix() {
    Map<String, Object> config = producerConfig("routing-service");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "handling-service-0");
    try (var producer = new KafkaProducer<String, String>(config)) {
      assertThatThrownBy(producer::initTransactions)
          .isInstanceOf(TransactionalIdAuthorizationException.class);
    }
  }

  @Test
  void restoresTheFileWhenAppliedAgainRemovingAStrayAclRestoringALostCredentialAndATopicsConfig()
      throws Exception {
    // given an ACL the file does not name, a unit's credential deleted and a unit's progress topic
    // switched to the sender's timestamps, by hand
    var stray = allow("unit-hrss", ResourceType.TOPIC, "tickets-received", AclOperation.READ);
    var progress = new ConfigResource(ConfigResource.Type.TOPIC, "progress-hrss");
    try (Admin admin = admin("admin")) {
      admin.createAcls(List.of(stray)).all().get(10, SECONDS);
      admin
          .incrementalAlterConfigs(
              Map.of(
                  progress,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("message.timestamp.type", "CreateTime"),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get(10, SECONDS);
      admin
          .alterUserScramCredentials(
              List.of(new UserScramCredentialDeletion("unit-water", ScramMechanism.SCRAM_SHA_512)))
          .all()
          .get(10, SECONDS);
    }
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              try (Admin water = admin("unit-water")) {
                assertThatThrownBy(() -> water.describeCluster().clusterId().get(10, SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
              }
            });

    // when
    var again = new SecurityProvisioner(security).provision(bootstrapServers);

    // then
    assertThat(again.aclsRemoved()).isEqualTo(1);
    assertThat(again.aclsAdded()).isZero();
    assertThat(again.topicsCreated()).isEmpty();
    assertThat(again.topicsReconfigured()).containsExactly("progress-hrss");
    try (Admin admin = admin("admin")) {
      assertThat(
              admin
                  .describeConfigs(List.of(progress))
                  .all()
                  .get(10, SECONDS)
                  .get(progress)
                  .get("message.timestamp.type")
                  .value())
          .isEqualTo("LogAppendTime");
      Collection<AclBinding> acls =
          admin.describeAcls(AclBindingFilter.ANY).values().get(10, SECONDS);
      assertThat(acls).doesNotContain(stray).hasSize(security.aclBindings().size());
    }
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(send("unit-water", "progress-water", TICKET).topic())
                    .isEqualTo("progress-water"));
  }

  private static RecordMetadata send(String principal, String topic, String key) throws Exception {
    try (var producer = new KafkaProducer<String, String>(producerConfig(principal))) {
      return producer.send(new ProducerRecord<>(topic, key, "{}")).get(10, SECONDS);
    }
  }

  /** What a consumer throws once it learns it may not read what it subscribed to. */
  private static Throwable firstFailureOf(KafkaConsumer<String, String> consumer) {
    var failure = new Throwable[1];
    await()
        .atMost(TIMEOUT)
        .pollInSameThread()
        .until(
            () -> {
              try {
                consumer.poll(Duration.ofMillis(200));
                return false;
              } catch (RuntimeException e) {
                failure[0] = e;
                return true;
              }
            });
    return failure[0];
  }

  private static KafkaConsumer<String, String> consumer(String principal, String group) {
    Map<String, Object> config = clientConfig(principal);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return new KafkaConsumer<>(config);
  }

  private static Map<String, Object> producerConfig(String principal) {
    Map<String, Object> config = clientConfig(principal);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    return config;
  }

  private static Admin admin(String principal) {
    return Admin.create(clientConfig(principal));
  }

  private static Map<String, Object> clientConfig(String principal) {
    Map<String, Object> config = new HashMap<>(security.clientProperties(principal));
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
