package cn.gov.xining.hotline.handling.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.catalog.calendar.WorkingCalendar;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.Priority;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.TicketRouted;
import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.handling.cases.CaseFile;
import cn.gov.xining.hotline.handling.cases.CaseLimits;
import cn.gov.xining.hotline.handling.cases.Handling;
import cn.gov.xining.hotline.handling.cases.HandlingPolicy;
import cn.gov.xining.hotline.kafka.HotlineKafkaProperties;
import cn.gov.xining.hotline.kafka.RecordTracing;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The production topology under Kafka Streams' test driver, configured as application.yml
 * configures it (its Kafka Streams properties, its handling policy and limits): what a unit or the
 * hotline's staff can send that the case must not grow by, and what becomes of it.
 */
class HandlingTopologyTest {

  private static final String TICKET = "260126-01-0007";
  private static final Instant NOW = Instant.parse("2026-01-26T02:00:00Z"); // 10:00 in Xining

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private CaseLimits limits;

  @BeforeEach
  void startTheProductionTopology() {
    var binder = new Binder(ConfigurationPropertySources.from(applicationYml()));
    limits = binder.bindOrCreate("hotline.handling.limits", CaseLimits.class);
    var policy = binder.bindOrCreate("hotline.handling", HandlingPolicy.class);
    var clock = Clock.fixed(NOW, HotlineTime.ZONE);
    var calendar = WorkingCalendar.load(new ClassPathResource("calendar/cn-working-days.yaml"));
    var builder = new StreamsBuilder();
    new HandlingTopology(
            new Handling(policy, calendar, limits),
            policy,
            limits,
            clock,
            new CaseMetrics(new SimpleMeterRegistry()),
            new RecordTracing(ObservationRegistry.NOOP),
            new HotlineKafkaProperties(3, (short) 1, Duration.ofMillis(-1), Duration.ofDays(30)))
        .build(builder);
    var config = new Properties();
    config.putAll(
        binder
            .bind("spring.kafka.streams.properties", Bindable.mapOf(String.class, String.class))
            .get());
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "handling-service");
    // The test driver drops what a deserialization handler writes under exactly-once (it is sent
    // while records are queued, outside the driver's transactions); on a broker it arrives
    // (HandlingLoopOnEmbeddedKafkaTest), so here the handlers are tested at least once.
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), config, NOW);
    transferredToHrss();
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aNoteOverItsLengthOnAUnitsTopicIsDeadLetteredWithTheReasonAndTheNextReportStillCounts() {
    // given a note of 2,001 characters on the unit's own topic
    String note = report("NOTE", "\"text\":\"%s\"".formatted("备".repeat(2001)));

    // when it arrives, then the unit signs for the ticket
    unitTopic("hrss").pipeInput(TICKET, note);
    unitTopic("hrss").pipeInput(TICKET, report("ACCEPTED", "\"by\":\"张科长\""));

    // then the note is dead-lettered as sent, naming the field and the limit, and the rest applies
    assertThat(lifecycleKinds()).containsExactly("OPENED", "ACCEPTED");
    var deadLetter = deadLetters(Topics.progressOf("hrss")).get(0);
    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(note);
    assertThat(header(deadLetter.headers(), "kafka_dlt-exception-message"))
        .contains("不符合约定", "text", "2000", "2001");
    assertThat(header(deadLetter.headers(), "kafka_dlt-original-topic"))
        .isEqualTo(Topics.progressOf("hrss"));
    assertThat(caseFile().history()).hasSize(2);
  }

  @Test
  void aRecordOverTheRecordSizeIsDeadLetteredUnreadAsABoundedCopyAndNothingGrows() {
    // given a report of 300 KB: a note far over its limit, as a compressed batch can deliver it
    String huge = report("NOTE", "\"text\":\"%s\"".formatted("a".repeat(300 * 1024)));

    // when it arrives on ticket-progress, then a report of the usual size
    hotlineTopic(Topics.TICKET_PROGRESS).pipeInput(TICKET, huge);
    hotlineTopic(Topics.TICKET_PROGRESS).pipeInput(TICKET, report("ACCEPTED", "\"by\":\"张科长\""));

    // then it is not read: dead-lettered with the record limit as the reason, its copy cut short
    var deadLetter = deadLetters(Topics.TICKET_PROGRESS).get(0);
    assertThat(header(deadLetter.headers(), "kafka_dlt-exception-message"))
        .contains("超过上限", String.valueOf(limits.recordSize().toBytes()));
    assertThat(deadLetter.value().length).isLessThan(huge.length()).isEqualTo(256 * 1024);
    assertThat(header(deadLetter.headers(), "hotline-dlt-truncated"))
        .isEqualTo("value " + huge.length() + " bytes");
    assertThat(lifecycleKinds()).containsExactly("OPENED", "ACCEPTED");
    assertThat(caseFile().history()).hasSize(2);
  }

  @Test
  void aCaseTakesNoMoreNotesThanItMayAndTellsTheUnitWhyOnItsOwnTopic() {
    // given a case holding as many notes as it may, each as long as a note may be
    var unit = unitTopic("hrss");
    for (int i = 0; i < limits.notesPerCase(); i++) {
      unit.pipeInput(TICKET, report("NOTE", "\"text\":\"%s\"".formatted("备".repeat(2000))));
    }

    // when the unit sends one more, then asks to resolve the ticket after signing for it
    unit.pipeInput(TICKET, report("NOTE", "\"text\":\"又一条\""));
    unit.pipeInput(TICKET, report("ACCEPTED", "\"by\":\"张科长\""));

    // then that note is refused with the limit, on the unit's own lifecycle topic too, and the
    // case file stays within its size while the ticket goes on
    var kinds = lifecycleKinds();
    assertThat(kinds).filteredOn("NOTE"::equals).hasSize(limits.notesPerCase());
    assertThat(kinds.subList(kinds.size() - 2, kinds.size()))
        .containsExactly("REFUSED", "ACCEPTED");
    var unitsOwn =
        driver
            .createOutputTopic(
                Topics.lifecycleOf("hrss"), new StringDeserializer(), new StringDeserializer())
            .readValuesToList();
    assertThat(unitsOwn)
        .anySatisfy(
            json -> {
              assertThat(JsonPath.<String>read(json, "$.kind")).isEqualTo("REFUSED");
              assertThat(JsonPath.<String>read(json, "$.detail")).contains("at most 50 notes");
            });
    assertThat((long) CaseLimits.sizeOf(caseFile()))
        .isLessThanOrEqualTo(limits.caseFileSize().toBytes());
    assertThat(caseFile().status().name()).isEqualTo("ACCEPTED");
  }

  @Test
  void anUnreadableReportsDeadLetterNamesTheFieldAndWhatWasWrongWithIt() {
    // given a report whose kind is not one of the contract's
    String report = report("FOO", "\"by\":\"张\"");

    // when it arrives on ticket-progress, then a readable one
    hotlineTopic(Topics.TICKET_PROGRESS).pipeInput(TICKET, report);
    hotlineTopic(Topics.TICKET_PROGRESS).pipeInput(TICKET, report("ACCEPTED", "\"by\":\"张科长\""));

    // then the dead letter says which field and why, not only that it could not be read
    var deadLetter = deadLetters(Topics.TICKET_PROGRESS).get(0);
    assertThat(header(deadLetter.headers(), "kafka_dlt-exception-message"))
        .contains("kind", "FOO")
        .doesNotContain("Can't deserialize");
    assertThat(header(deadLetter.headers(), "kafka_dlt-original-timestamp-type"))
        .isEqualTo("CreateTime");
  }

  @Test
  void anActionWhoseReasonIsOverItsLimitIsDeadLetteredWithTheReason() {
    // given a reviewer's decision whose reason would not fit intake's status detail
    String action =
        ("{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"kind\":\"REVIEW_SENT_BACK\","
                + "\"at\":\"2026-01-26T11:00:00+08:00\",\"by\":\"审核员\",\"reason\":\"%s\"}")
            .formatted(UUID.randomUUID(), TICKET, "因".repeat(901));

    // when it arrives on hotline-actions
    hotlineTopic(Topics.HOTLINE_ACTIONS).pipeInput(TICKET, action);

    // then it is dead-lettered naming the reason and its limit
    var deadLetter = deadLetters(Topics.HOTLINE_ACTIONS).get(0);
    assertThat(header(deadLetter.headers(), "kafka_dlt-exception-message"))
        .contains("reason", "900", "901");
    assertThat(lifecycleKinds()).containsExactly("OPENED");
  }

  @Test
  void aTicketWhoseDistrictIsNotYetKnownTellsItsUnitsButWritesToNoTopicForTheDistrictPlaceholder() {
    // given a transfer to hrss with the district government to assist once its district is known
    // (routing names the placeholder "district" when the text names no place)
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            "260126-01-0099",
            OffsetDateTime.parse("2026-01-26T08:50:00+08:00"),
            OffsetDateTime.parse("2026-01-26T09:00:00+08:00"),
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            "wage-arrears",
            null,
            "hrss",
            List.of(Catalog.DISTRICT_TARGET),
            "operator-topic",
            "test",
            "转交，协办区县待定",
            OffsetDateTime.parse("2026-01-31T00:00:00+08:00"),
            Priority.NORMAL);

    // when handling opens the case
    hotlineTopic(Topics.ROUTING_DECISIONS)
        .pipeInput("260126-01-0099", EventJson.MAPPER.writeValueAsString(decision));

    // then hrss hears of it on its own topic, and nothing is written for the placeholder
    assertThat(
            driver
                .createOutputTopic(
                    Topics.lifecycleOf("hrss"), new StringDeserializer(), new StringDeserializer())
                .readKeyValuesToList())
        .extracting(kv -> kv.key)
        .contains("260126-01-0099");
    assertThat(driver.producedTopicNames())
        .doesNotContain(Topics.lifecycleOf(Catalog.DISTRICT_TARGET));
  }

  @Test
  void aRepeatAppealReachesItsCasesUnitAsOneMoreCitizenOnThatCaseAndNotAsACaseOfItsOwn() {
    // given the citizen's call as intake received it, and routing's decision that it repeats
    // the case at hrss
    String appeal = "260126-01-0101";
    hotlineTopic(Topics.TICKETS_RECEIVED).pipeInput(appeal, received(appeal, "楼下水管又爆了"));

    // when the decision arrives
    hotlineTopic(Topics.ROUTING_DECISIONS).pipeInput(appeal, linked(appeal, TICKET));

    // then the appeal is linked, and hrss hears of it on its case only, with what was said
    assertThat(lifecycleKindsByTicket())
        .containsExactly(TICKET + " OPENED", appeal + " LINKED", TICKET + " APPEAL_LINKED");
    var unitsOwn = unitsOwn("hrss");
    assertThat(unitsOwn).extracting(kv -> kv.key).containsExactly(TICKET, TICKET);
    assertThat(JsonPath.<String>read(unitsOwn.get(1).value, "$.detail"))
        .contains(appeal, "楼下水管又爆了");
    assertThat(caseFile().linkedAppeals()).containsExactly(appeal);
  }

  @Test
  void aRepeatAppealOfACaseNotInHandlingIsOpenedForItsUnitWhoIsToldOfIt() {
    // given a decision linking an appeal to a ticket handling never saw transferred
    String appeal = "260126-01-0102";
    hotlineTopic(Topics.TICKETS_RECEIVED).pipeInput(appeal, received(appeal, "小区停水三天"));

    // when it arrives
    hotlineTopic(Topics.ROUTING_DECISIONS).pipeInput(appeal, linked(appeal, "260126-01-0999"));

    // then the appeal becomes a case of its own, and its unit hears of it as of any new case
    assertThat(lifecycleKindsByTicket())
        .containsExactly(TICKET + " OPENED", appeal + " LINKED", appeal + " OPENED");
    var unitsOwn = unitsOwn("hrss");
    assertThat(unitsOwn).extracting(kv -> kv.key).containsExactly(TICKET, appeal);
    assertThat(JsonPath.<String>read(unitsOwn.get(1).value, "$.detail"))
        .contains("未能并入工单260126-01-0999", "小区停水三天");
  }

  private static String received(String ticket, String content) {
    return ("{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"receivedAt\":\"2026-01-26T09:50:00+08:00\","
            + "\"channel\":\"hotline-phone\",\"content\":\"%s\"}")
        .formatted(UUID.randomUUID(), ticket, content);
  }

  private static String linked(String appeal, String joined) {
    return EventJson.MAPPER.writeValueAsString(
        new TicketRouted(
            UUID.randomUUID(),
            appeal,
            OffsetDateTime.parse("2026-01-26T09:50:00+08:00"),
            OffsetDateTime.parse("2026-01-26T09:51:00+08:00"),
            "hotline-phone",
            RoutingOutcome.LINKED,
            "wage-arrears",
            "630105",
            "hrss",
            List.of(),
            "repeat-appeal",
            "test",
            "重复件",
            OffsetDateTime.parse("2026-01-31T00:00:00+08:00"),
            Priority.NORMAL,
            List.of(),
            joined));
  }

  private List<org.apache.kafka.streams.KeyValue<String, String>> unitsOwn(String unit) {
    return driver
        .createOutputTopic(
            Topics.lifecycleOf(unit), new StringDeserializer(), new StringDeserializer())
        .readKeyValuesToList();
  }

  private List<String> lifecycleKindsByTicket() {
    return driver
        .createOutputTopic(
            Topics.TICKET_LIFECYCLE, new StringDeserializer(), new StringDeserializer())
        .readKeyValuesToList()
        .stream()
        .map(kv -> kv.key + " " + JsonPath.<String>read(kv.value, "$.kind"))
        .toList();
  }

  private void transferredToHrss() {
    var decision =
        new TicketRouted(
            UUID.randomUUID(),
            TICKET,
            OffsetDateTime.parse("2026-01-26T08:50:00+08:00"),
            OffsetDateTime.parse("2026-01-26T09:00:00+08:00"),
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            "wage-arrears",
            "630105",
            "hrss",
            List.of(),
            "operator-topic",
            "test",
            "转交",
            OffsetDateTime.parse("2026-01-31T00:00:00+08:00"),
            Priority.NORMAL);
    hotlineTopic(Topics.ROUTING_DECISIONS)
        .pipeInput(TICKET, EventJson.MAPPER.writeValueAsString(decision));
  }

  /** A report as a unit's system writes it, by hand from the schema. */
  private static String report(String kind, String fields) {
    return ("{\"eventId\":\"%s\",\"ticketNumber\":\"%s\",\"unit\":\"hrss\",\"kind\":\"%s\","
            + "\"at\":\"2026-01-26T09:30:00+08:00\",%s}")
        .formatted(UUID.randomUUID(), TICKET, kind, fields);
  }

  private TestInputTopic<String, String> unitTopic(String unit) {
    return hotlineTopic(Topics.progressOf(unit));
  }

  private TestInputTopic<String, String> hotlineTopic(String topic) {
    return driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
  }

  private List<TestRecord<String, byte[]>> deadLetters(String topic) {
    var records =
        driver
            .createOutputTopic(
                Topics.deadLetterOf(topic), new StringDeserializer(), new ByteArrayDeserializer())
            .readRecordsToList();
    assertThat(records).as("dead letters on " + topic).hasSize(1);
    return records;
  }

  private List<String> lifecycleKinds() {
    return driver
        .createOutputTopic(
            Topics.TICKET_LIFECYCLE, new StringDeserializer(), new StringDeserializer())
        .readValuesToList()
        .stream()
        .map(json -> JsonPath.<String>read(json, "$.kind"))
        .toList();
  }

  private CaseFile caseFile() {
    KeyValueStore<String, CaseFile> cases = driver.getKeyValueStore(HandlingTopology.CASE_FILES);
    return cases.get(TICKET);
  }

  private static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    assertThat(header).as(name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static org.springframework.core.env.PropertySource<?> applicationYml() {
    try {
      return new YamlPropertySourceLoader()
          .load("application.yml", new ClassPathResource("application.yml"))
          .get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
