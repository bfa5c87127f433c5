package cn.gov.xining.hotline.broker;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.xining.hotline.broker.KafkaSecurity.Principal;
import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.CatalogLoader;
import cn.gov.xining.hotline.contract.TopicCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security file as the project ships it, and how it is read. */
class KafkaSecurityTest {

  static final Path FILE = Path.of("..", "deploy", "kafka-security.yaml");

  private final SecurityFile file = SecurityFile.read(FILE);
  private final KafkaSecurity security = KafkaSecurity.from(file, Map.of());

  @TempDir Path dir;

  @Test
  void givesEveryUnitOfTheCatalogButTheHotlineItsOwnPrincipal() throws IOException {
    // given the catalog the services route with
    Catalog catalog;
    try (var in = getClass().getClassLoader().getResourceAsStream("catalog/xining-catalog.yaml")) {
      catalog = CatalogLoader.load(in, "xining-catalog.yaml");
    }

    // then the file's units are exactly its assignable units, each with a principal
    var unitCodes = catalog.assignableUnits().stream().map(Catalog.Unit::code).toList();
    assertThat(file.units().codes()).containsExactlyInAnyOrderElementsOf(unitCodes);
    assertThat(security.principals())
        .extracting(Principal::name)
        .containsAll(unitCodes.stream().map(code -> "unit-" + code).toList())
        .doesNotContain("unit-hotline");
  }

  @Test
  void letsAUnitReadItsOwnAssignmentsAndLifecycleWithItsOwnGroupsAndWriteOnlyItsOwnProgress() {
    // when
    Principal unit = security.principal("unit-gov-630121");

    // then
    assertThat(unit.acls())
        .containsExactlyInAnyOrder(
            allow(
                "unit-gov-630121", ResourceType.TOPIC, "assignments-gov-630121", AclOperation.READ),
            allow("unit-gov-630121", ResourceType.TOPIC, "lifecycle-gov-630121", AclOperation.READ),
            allow(
                "unit-gov-630121",
                ResourceType.GROUP,
                "unit-gov-630121",
                PatternType.PREFIXED,
                AclOperation.READ),
            allow(
                "unit-gov-630121", ResourceType.TOPIC, "progress-gov-630121", AclOperation.WRITE));
  }

  @Test
  void addsTheUnitTemplatesGrantsToPrincipalsDeclaredAboveWithTheirOwnPassword() {
    // when
    Principal handling = security.principal("handling-service");

    // then it writes each unit's progress dead letters and keeps its password from above
    assertThat(handling.acls())
        .contains(
            allow("handling-service", ResourceType.TOPIC, "progress-hrss-dlt", AclOperation.WRITE))
        .contains(
            allow("handling-service", ResourceType.TOPIC, "ticket-lifecycle", AclOperation.WRITE));
    assertThat(handling.password()).isEqualTo("handling-service-dev-password");
    assertThat(security.topics()).hasSize(file.topics().size() + 4 * file.units().codes().size());
  }

  @Test
  void grantsNoServiceOrUnitTheRightToCreateAlterOrDeleteATopicButStreamsTheirOwnInternalOnes() {
    var topicChanges =
        security.aclBindings().stream()
            .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
            .filter(
                acl ->
                    Set.of(AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS)
                        .contains(acl.entry().operation()))
            .map(acl -> acl.entry().principal() + " " + acl.pattern().name())
            .collect(toSet());
    // Kafka Streams creates its changelog and repartition topics under its application.id.
    assertThat(topicChanges)
        .containsExactlyInAnyOrder(
            "User:handling-service handling-service", "User:reporting-service reporting-service-");
  }

  @Test
  void makesEveryTopicTheServicesUseAndEachUnitsOwn() {
    assertThat(security.topics())
        .extracting(KafkaSecurity.Topic::name)
        .contains(
            "tickets-received",
            "tickets-triage",
            "audit-trail",
            "streams-internal-dlt",
            "assignments-hrss",
            "lifecycle-gov-630121",
            "progress-water",
            "progress-water-dlt")
        .doesNotHaveDuplicates();
    assertThat(security.topics())
        .filteredOn(topic -> topic.name().equals("ticket-progress"))
        .singleElement()
        .satisfies(
            topic ->
                assertThat(topic.configs())
                    .containsEntry("message.timestamp.type", "LogAppendTime"));
  }

  @Test
  void makesExactlyTheTopicsOfTheContractsCatalogueAndLetsEachBeWrittenByItsWriter() {
    var units = file.units().codes();
    var expected = new java.util.TreeSet<String>();
    for (var topic : TopicCatalog.ALL) {
      if (topic.perUnit()) {
        units.forEach(code -> expected.add(topic.nameFor(code)));
      } else {
        expected.add(topic.name());
      }
    }
    var made =
        security.topics().stream()
            .map(KafkaSecurity.Topic::name)
            .filter(name -> !name.endsWith("-dlt"))
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    assertThat(made).isEqualTo(expected);
    for (var topic : TopicCatalog.ALL) {
      if (topic.writer().startsWith("every")) {
        continue;
      }
      String name = topic.nameFor("hrss");
      String writer = topic.writer().replace(TopicCatalog.UNIT, "hrss");
      assertThat(security.principal(writer).acls())
          .as("%s writes %s", writer, name)
          .anySatisfy(
              acl -> {
                assertThat(acl.entry().operation()).isEqualTo(AclOperation.WRITE);
                assertThat(
                        acl.pattern().patternType() == PatternType.PREFIXED
                            ? name.startsWith(acl.pattern().name())
                            : name.equals(acl.pattern().name()))
                    .isTrue();
              });
      if (topic.deadLetters().endsWith("-dlt")) {
        assertThat(made).doesNotContain(topic.deadLetters());
        assertThat(security.topics())
            .extracting(KafkaSecurity.Topic::name)
            .as("dead letters of %s", name)
            .contains(topic.deadLetters().replace(TopicCatalog.UNIT, "hrss"));
      }
    }
  }

  @Test
  void givesEveryBusinessTopicOneWriterOnly() {
    // Dead-letter topics are written by each consumer of their topic, the audit trail by every
    // service (its own entries); every other topic by one.
    var writes =
        security.aclBindings().stream()
            .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
            .filter(acl -> acl.entry().operation() == AclOperation.WRITE)
            .filter(acl -> !acl.pattern().name().endsWith("-dlt"))
            .filter(acl -> !acl.pattern().name().equals("audit-trail"))
            .toList();
    for (AclBinding one : writes) {
      for (AclBinding other : writes) {
        if (!one.entry().principal().equals(other.entry().principal())) {
          assertThat(overlap(one.pattern(), other.pattern())).as("%s and %s", one, other).isFalse();
        }
      }
    }
    assertThat(writers("tickets-received")).containsExactly("User:intake-service");
    assertThat(writers("ticket-lifecycle")).containsExactly("User:handling-service");
    assertThat(writers("tickets-returned")).containsExactly("User:handling-service");
  }

  @Test
  void letsNoUnitsGroupPrefixCoverAnotherUnitsGroups() {
    var prefixes = file.units().codes().stream().map(code -> "unit-" + code).toList();
    for (String one : prefixes) {
      for (String other : prefixes) {
        assertThat(one.equals(other) || !other.startsWith(one))
            .as("%s covers %s", one, other)
            .isTrue();
      }
    }
  }

  @Test
  void takesAPasswordFromItsEnvironmentVariableForBrokerAndClientAlike() {
    // given
    var environment = Map.of("HOTLINE_KAFKA_PASSWORD_UNIT_GOV_630121", "from-the-vault");

    // when
    var overridden = KafkaSecurity.from(file, environment);

    // then
    assertThat(KafkaSecurity.passwordVariable("unit-gov-630121"))
        .isEqualTo("HOTLINE_KAFKA_PASSWORD_UNIT_GOV_630121");
    assertThat(overridden.principal("unit-gov-630121").password()).isEqualTo("from-the-vault");
    assertThat(overridden.clientProperties("unit-gov-630121").get("sasl.jaas.config"))
        .asString()
        .contains("username=\"unit-gov-630121\" password=\"from-the-vault\";");
    assertThat(overridden.formatArguments())
        .contains("SCRAM-SHA-512=[name=unit-gov-630121,password=from-the-vault]");
    assertThat(overridden.principal("unit-hrss").password()).isEqualTo("unit-hrss-dev-password");
  }

  @Test
  void takesClientsOnScramOnlyAndDeniesWhatIsNotGranted() {
    // when
    var properties = security.brokerProperties(19092, 19093);

    // then
    assertThat(properties)
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry(
            "listener.security.protocol.map",
            "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
        .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
        .containsEntry(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("allow.everyone.if.no.acl.found", "false")
        // Nobody anonymous: the controller listener takes the broker's own PLAIN login only.
        .containsEntry("super.users", "User:admin;User:broker");
    assertThat(properties.get("listener.name.controller.plain.sasl.jaas.config"))
        .contains("username=\"broker\"", "user_broker=\"broker-dev-password\"");
    assertThat(properties.get("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config"))
        .contains("username=\"broker\" password=\"broker-dev-password\";");
  }

  @Test
  void refusesAMisspeltOperationRatherThanDroppingTheGrant() throws IOException {
    // given
    Path misspelt =
        Files.writeString(
            dir.resolve("misspelt.yaml"),
            """
            principals:
              - {name: admin, password: a, super-user: true}
              - {name: broker, password: b, super-user: true}
              - name: intake-service
                password: c
                acls:
                  - {resource: TOPIC, name: tickets-received, operations: [WIRTE]}
            """);

    // then
    assertThatThrownBy(() -> SecurityFile.read(misspelt)).hasMessageContaining("WIRTE");
  }

  @Test
  void refusesAPasswordThatWouldBreakTheJaasOrFormatArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KafkaSecurity.from(file, Map.of("HOTLINE_KAFKA_PASSWORD_ADMIN", "a,b")))
        .withMessageContaining("admin")
        .withMessageNotContaining("a,b");
  }

  @Test
  void keepsPasswordsOutOfItsTextualForm() {
    assertThat(security.principal("intake-service").toString())
        .doesNotContain("intake-service-dev-password");
  }

  private List<String> writers(String topic) {
    return security.aclBindings().stream()
        .filter(acl -> acl.entry().operation() == AclOperation.WRITE)
        .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
        .filter(acl -> covers(acl.pattern(), topic))
        .map(acl -> acl.entry().principal())
        .toList();
  }

  private static boolean overlap(ResourcePattern one, ResourcePattern other) {
    return covers(one, other.name()) || covers(other, one.name());
  }

  private static boolean covers(ResourcePattern pattern, String name) {
    return pattern.patternType() == PatternType.PREFIXED
        ? name.startsWith(pattern.name())
        : name.equals(pattern.name()) || pattern.name().equals("*");
  }

  static AclBinding allow(
      String principal, ResourceType type, String name, AclOperation operation) {
    return allow(principal, type, name, PatternType.LITERAL, operation);
  }

  static AclBinding allow(
      String principal,
      ResourceType type,
      String name,
      PatternType patternType,
      AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, patternType),
        new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
  }
}
