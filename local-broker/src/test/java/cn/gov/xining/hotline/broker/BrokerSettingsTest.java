package cn.gov.xining.hotline.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  @Test
  void defaultsToDotRunKafkaAndTheUsualKafkaPorts() {
    // when
    BrokerSettings settings = BrokerSettings.fromArgs();

    // then
    assertThat(settings.dataDir()).isEqualTo(Path.of(".run", "kafka").toAbsolutePath());
    assertThat(settings.port()).isEqualTo(9092);
    assertThat(settings.controllerPort()).isEqualTo(9093);
  }

  @Test
  void listensAndAdvertisesOnLoopbackOnlyWithTheMetadataLogApartFromTheTopics() {
    // given
    BrokerSettings settings =
        BrokerSettings.fromArgs("--data-dir=/srv/k", "--port=19092", "--controller-port=19093");

    // when
    String properties = settings.serverProperties();

    // then
    assertThat(properties)
        .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093\n")
        .contains("advertised.listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093\n")
        .contains("metadata.log.dir=/srv/k/metadata\n")
        .contains("log.dirs=/srv/k/logs\n");
  }

  @Test
  void staysPlaintextWithoutTheSecurityOptionAndTakesOnlyScramClientsWithIt() {
    assertThat(BrokerSettings.fromArgs().securityFile()).isNull();

    // given
    BrokerSettings settings =
        BrokerSettings.fromArgs(
            "--port=19092", "--controller-port=19093", "--security=" + KafkaSecurityTest.FILE);

    // when
    String properties = settings.serverProperties(KafkaSecurity.read(settings.securityFile()));

    // then
    assertThat(properties)
        .contains("listeners=SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093\n")
        .contains(
            "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT\n")
        .contains("allow.everyone.if.no.acl.found=false\n")
        .contains("auto.create.topics.enable=false\n")
        .doesNotContain("=PLAINTEXT://");
  }

  @Test
  void rejectsAnOptionWithoutAValueRatherThanFallingBackToTheWorkingDirectory() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BrokerSettings.fromArgs("--data-dir", "/srv/k"))
        .withMessage("expected --option=value, not --data-dir");
  }

  @Test
  void rejectsAnOptionItDoesNotKnow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BrokerSettings.fromArgs("--dir=/srv/k"))
        .withMessage("unknown option --dir=/srv/k");
  }

  @Test
  void inAContainerNetworkListensOnEveryInterfaceButKeepsTheControllerOnLoopback() {
    BrokerSettings settings =
        BrokerSettings.fromArgs(
            "--port=9092",
            "--controller-port=9093",
            "--advertised-host=kafka",
            "--security=" + KafkaSecurityTest.FILE);

    String properties = settings.serverProperties(KafkaSecurity.read(settings.securityFile()));

    assertThat(properties)
        .contains("listeners=SASL_PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093\n")
        .contains("advertised.listeners=SASL_PLAINTEXT://kafka:9092,CONTROLLER://127.0.0.1:9093\n");
  }

  @Test
  void aClusterNodeNamesItsQuorumAndReplicatesEveryTopicThreeTimesWithTwoInSync() {
    BrokerSettings settings =
        BrokerSettings.fromArgs(
            "--port=9192",
            "--controller-port=9193",
            "--node-id=2",
            "--controller-quorum=1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293",
            "--cluster-id=PY9E7mAoLP0cfay5crH9YA",
            "--security=" + KafkaSecurityTest.FILE);

    String properties = settings.serverProperties(KafkaSecurity.read(settings.securityFile()));

    assertThat(properties)
        .contains("node.id=2\n")
        .contains("controller.quorum.voters=1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293\n")
        .doesNotContain("controller.quorum.bootstrap.servers")
        .contains(
            "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193\n")
        .contains("default.replication.factor=3\n")
        .contains("offsets.topic.replication.factor=3\n")
        .contains("transaction.state.log.replication.factor=3\n")
        .contains("transaction.state.log.min.isr=2\n")
        .contains("min.insync.replicas=2\n");
  }

  @Test
  void theSingleNodeKeepsOneReplicaAndIsItsOwnQuorum() {
    String properties = BrokerSettings.fromArgs("--controller-port=9093").serverProperties();

    assertThat(properties)
        .contains("node.id=1\n")
        .contains("controller.quorum.bootstrap.servers=127.0.0.1:9093\n")
        .contains("default.replication.factor=1\n")
        .contains("min.insync.replicas=1\n");
  }

  @Test
  void aClusterNodeMustFindItselfInTheQuorumAndBeGivenTheClustersId() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                BrokerSettings.fromArgs(
                    "--controller-port=9093",
                    "--node-id=4",
                    "--controller-quorum=1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293",
                    "--cluster-id=PY9E7mAoLP0cfay5crH9YA"))
        .withMessageContaining("must name node 4");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                BrokerSettings.fromArgs(
                    "--controller-port=9093",
                    "--node-id=1",
                    "--controller-quorum=1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293"))
        .withMessageContaining("--cluster-id");
  }
}
