package cn.gov.xining.hotline.routing.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.routing.RoutingApplication;
import cn.gov.xining.hotline.testsupport.RestartableBroker;
import cn.gov.xining.hotline.testsupport.TestIssuer;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two routing instances on one broker, as production runs them behind a load balancer: each reads
 * the whole triage backlog, so either may be asked to dispatch any ticket in it. The broker is the
 * run command's (SASL/SCRAM, the ACLs of deploy/kafka-security.yaml), so the per-ticket
 * transactional ids are tried with the grants routing-service really has.
 */
class TriageAcrossInstancesTest {

  private static final Path SECURITY_FILE = Path.of("..", "deploy", "kafka-security.yaml");

  private static final String DISPATCHER = "Bearer " + TestIssuer.shared().staff("DISPATCHER");

  private static final String GARBAGE = "村口垃圾池满了半个月没人拉。";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;

  private static RestartableBroker broker;
  private static TopicProbe probe;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  @BeforeAll
  static void twoRoutingInstancesOnTheRunCommandsBroker() {
    broker = RestartableBroker.secured(SECURITY_FILE);
    broker.start();
    probe = new TopicProbe(broker.bootstrapServers(), broker.clientProperties("admin"));
    first = routing("a");
    second = routing("b");
  }

  @AfterAll
  static void stopEverything() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    broker.close();
  }

  @Test
  void aTicketDispatchedOnBothInstancesAtOnceIsDispatchedOnceAndEveryOtherCallerIsRefused()
      throws Exception {
    // Given a ticket both instances show in triage
    String number = probe.receive(GARBAGE, null, null, null);
    awaitListed(first, number);
    awaitListed(second, number);

    // When dispatchers (and their double clicks) ask both instances at the same moment
    int callers = 8;
    var pool = Executors.newFixedThreadPool(callers);
    var go = new CountDownLatch(1);
    var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int i = 0; i < callers; i++) {
      var instance = i % 2 == 0 ? first : second;
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                awaitQuietly(go);
                return dispatch(instance, number);
              },
              pool));
    }
    go.countDown();
    var responses = answers.stream().map(CompletableFuture::join).toList();
    pool.shutdown();

    // Then one dispatch succeeds; every other caller is refused with a problem naming the ticket
    assertThat(responses).as("statuses").filteredOn(r -> r.statusCode() == 200).hasSize(1);
    assertThat(responses)
        .filteredOn(r -> r.statusCode() != 200)
        .allSatisfy(
            refused -> {
              assertThat(refused.statusCode()).isIn(404, 409);
              assertThat(refused.body()).contains(number);
            });
    // And Kafka holds exactly one manual dispatch, one tombstone, one assignment and one example
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number))
        .extracting(r -> JsonPath.<String>read(r.value(), "$.ruleId"))
        .containsExactly("district-unknown", ManualDispatch.RULE_ID);
    assertThat(tombstones(number)).hasSize(1);
    assertThat(probe.recordsFor(Topics.assignmentsOf("gov-630121"), number)).hasSize(1);
    assertThat(probe.recordsFor(Topics.ROUTING_EXAMPLES, number)).hasSize(1);
    // And neither instance shows it any more
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(listed(first)).doesNotContain(number);
              assertThat(listed(second)).doesNotContain(number);
            });
  }

  @Test
  void aDispatchOvertakenByAnotherInstanceBeforeItCommitsIsRefusedAndOnlyTheOtherCounts()
      throws Exception {
    String number = probe.receive(GARBAGE, null, null, null);
    awaitListed(first, number);
    awaitListed(second, number);
    var onFirst = first.getBean(TriageBacklog.class).claim(number);
    var onSecond = second.getBean(TriageBacklog.class).claim(number);

    // Given a dispatch on the first instance that has checked the ticket and not yet committed
    var checked = new CountDownLatch(1);
    var commit = new CountDownLatch(1);
    var overtaken =
        CompletableFuture.supplyAsync(
            () ->
                first
                    .getBean(DispatchTransaction.class)
                    .runOnce(
                        onFirst,
                        kafka -> {
                          checked.countDown();
                          awaitQuietly(commit);
                          return "first";
                        }));
    assertThat(checked.await(20, TimeUnit.SECONDS)).isTrue();

    // When the second instance dispatches the ticket meanwhile
    String committed =
        second.getBean(DispatchTransaction.class).runOnce(onSecond, kafka -> "second");
    commit.countDown();

    // Then the second's dispatch commits and the first's is refused: someone else dispatched it
    assertThat(committed).isEqualTo("second");
    assertThatThrownBy(overtaken::join).hasCauseInstanceOf(DispatchConflictException.class);
    assertThat(tombstones(number)).as("committed tombstones").hasSize(1);
    // And the first instance, trying again with what it had read, finds it dispatched
    assertThatThrownBy(
            () -> first.getBean(DispatchTransaction.class).runOnce(onFirst, kafka -> "again"))
        .isInstanceOf(NotInTriageException.class)
        .hasMessageContaining(number);
    assertThat(tombstones(number)).hasSize(1);
  }

  @Test
  void aDispatchThatCannotReadPastATransactionLeftOpenPublishesNothingAndGoesThroughOnceItEnds()
      throws Exception {
    String number = probe.receive(GARBAGE, null, null, null);
    awaitListed(first, number);

    // Given a transaction left open on tickets-triage, as an instance killed mid-poll leaves it
    try (var killed = killedInstancesProducer()) {
      killed.initTransactions();
      killed.beginTransaction();
      for (int partition = 0; partition < 3; partition++) {
        killed.send(new ProducerRecord<>(Topics.TICKETS_TRIAGE, partition, "another", null)).get();
      }

      // When the ticket is dispatched, then it is refused for now and nothing is published
      var refused = dispatch(first, number);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains(number).contains("dispatch-not-confirmed");
      killed.abortTransaction();
    }
    assertThat(probe.recordsFor(Topics.ROUTING_DECISIONS, number)).hasSize(1);
    assertThat(tombstones(number)).isEmpty();

    // And once the transaction has ended, the same dispatch goes through
    assertThat(dispatch(first, number).statusCode()).isEqualTo(200);
    assertThat(tombstones(number)).hasSize(1);
  }

  /** A start of routing as the run command starts an instance: its own id, port and data. */
  private static ConfigurableApplicationContext routing(String instanceId) {
    // Arguments, as the run command passes them: they override application.yml.
    return new SpringApplicationBuilder(RoutingApplication.class)
        .run(
            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "--spring.kafka.security.protocol=SASL_PLAINTEXT",
            "--spring.profiles.active=dev",
            "--hotline.instance-id=" + instanceId,
            "--hotline.data-dir=" + data.resolve(instanceId),
            "--hotline.issuer=" + TestIssuer.shared().issuer(),
            "--server.port=0",
            // Long enough for routing's own transactions, short enough to test the refusal.
            "--hotline.routing.triage.confirm-within=3s",
            "--spring.main.banner-mode=off");
  }

  /** Logged in as routing-service, with a transactional id of an instance of its own. */
  private static KafkaProducer<String, String> killedInstancesProducer() {
    var config = new HashMap<String, Object>(broker.clientProperties("routing-service"));
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "routing-killed-0");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static HttpResponse<String> dispatch(
      ConfigurableApplicationContext instance, String number) {
    var request =
        HttpRequest.newBuilder(url(instance, "/api/routing/triage/" + number + "/dispatch"))
            .header("Authorization", DISPATCHER)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"topicCode\":\"garbage\",\"districtCode\":\"630121\"}"))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> listed(ConfigurableApplicationContext instance) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(url(instance, "/api/routing/triage"))
                .header("Authorization", DISPATCHER)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonPath.read(response.body(), "$[*].ticket.ticketNumber");
  }

  private static void awaitListed(ConfigurableApplicationContext instance, String number) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(listed(instance)).contains(number));
  }

  private static List<ConsumerRecord<String, String>> tombstones(String number) {
    return probe.recordsFor(Topics.TICKETS_TRIAGE, number).stream()
        .filter(r -> r.value() == null)
        .toList();
  }

  private static URI url(ConfigurableApplicationContext instance, String path) {
    String port = instance.getEnvironment().getProperty("local.server.port");
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
