package cn.gov.xining.hotline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

  private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-01-31T09:15:30+08:00");

  static TicketReceived wageArrearsTicket() {
    return new TicketReceived(
        UUID.fromString("8a1d7c3e-1111-4f7b-9b57-3a3c3c9a0001"),
        "260131-01-0042",
        RECEIVED,
        "hotline-phone",
        AppealType.COMPLAINT,
        "来电人反映在城北区某工地务工，老板拖欠三个月工资未结。",
        "城北区柴达木路",
        "630105",
        "wage-arrears");
  }

  @Test
  void ticketReceivedSurvivesARoundTripWithItsShanghaiOffsetAndChineseText() {
    var ticket = wageArrearsTicket();

    String json = EventJson.MAPPER.writeValueAsString(ticket);
    var read = EventJson.MAPPER.readValue(json, TicketReceived.class);

    assertThat(read).isEqualTo(ticket);
    assertThat(json).contains("\"receivedAt\":\"2026-01-31T09:15:30+08:00\"").contains("拖欠三个月工资");
    assertThat(violations("TicketReceived", json)).isEmpty();
  }

  @Test
  void aTicketWithCallerLocationAndAttachmentsCarriesOnlyTheMaskedNumber() {
    var ticket =
        new TicketReceived(
            UUID.randomUUID(),
            "260131-01-0043",
            RECEIVED,
            "hotline-phone",
            AppealType.CONSULTATION,
            "咨询社保卡补办地点",
            null,
            "630104",
            "policy-consultation",
            "138****5678",
            "9f2c6d0a1b",
            36.62,
            101.77,
            true,
            "告知到城西区政务服务中心办理",
            "第十一批",
            List.of("https://example.org/photo.jpg"));

    String json = EventJson.MAPPER.writeValueAsString(ticket);

    assertThat(EventJson.MAPPER.readValue(json, TicketReceived.class)).isEqualTo(ticket);
    assertThat(json).contains("138****5678").doesNotContain("13812345678");
    assertThat(violations("TicketReceived", json)).isEmpty();
  }

  @Test
  void aRepeatAppealAndItsLinkedDecisionNameTheOpenTicketAndMatchTheirSchemas() {
    var due = OffsetDateTime.parse("2026-02-06T17:00:00+08:00");
    var repeat =
        wageArrearsTicket()
            .repeating(new OpenTicket("260130-01-0007", "wage-arrears", "hrss", due));
    var linked =
        new TicketRouted(
            UUID.randomUUID(),
            repeat.ticketNumber(),
            RECEIVED,
            RECEIVED.plusSeconds(1),
            "hotline-phone",
            RoutingOutcome.LINKED,
            "wage-arrears",
            "630105",
            "hrss",
            List.of(),
            "repeat-appeal",
            "xining-2026.1",
            "重复件，并入工单260130-01-0007办理",
            due,
            Priority.NORMAL,
            List.of(),
            "260130-01-0007");

    String receivedJson = EventJson.MAPPER.writeValueAsString(repeat);
    String linkedJson = EventJson.MAPPER.writeValueAsString(linked);

    assertThat(EventJson.MAPPER.readValue(receivedJson, TicketReceived.class)).isEqualTo(repeat);
    assertThat(EventJson.MAPPER.readValue(linkedJson, TicketRouted.class)).isEqualTo(linked);
    assertThat(violations("TicketReceived", receivedJson)).isEmpty();
    assertThat(violations("TicketRouted", linkedJson)).isEmpty();
    assertThat(violations("TicketReceived", receivedJson.replace("260130-01-0007", "not-a-number")))
        .isNotEmpty();
  }

  @Test
  void ticketRoutedSurvivesARoundTripAndMatchesItsSchema() {
    var routed =
        new TicketRouted(
            UUID.randomUUID(),
            "260131-01-0042",
            RECEIVED,
            RECEIVED.plusSeconds(1),
            "hotline-phone",
            RoutingOutcome.TRANSFER,
            "wage-arrears",
            "630105",
            "hrss",
            List.of("gov-630105"),
            "operator-topic",
            "catalog-1",
            "接线员选择诉求分类「工资纠纷」",
            OffsetDateTime.parse("2026-02-06T00:00:00+08:00"),
            Priority.NORMAL);

    String json = EventJson.MAPPER.writeValueAsString(routed);

    assertThat(EventJson.MAPPER.readValue(json, TicketRouted.class)).isEqualTo(routed);
    assertThat(violations("TicketRouted", json)).isEmpty();
  }

  @Test
  void ticketAssignedSurvivesARoundTripAndMatchesItsSchema() {
    var assigned =
        new TicketAssigned(
            UUID.randomUUID(),
            "260131-01-0042",
            "gov-630105",
            AssignmentRole.ASSISTING,
            "hrss",
            List.of("gov-630105"),
            "wage-arrears",
            "630105",
            "hotline-phone",
            AppealType.COMPLAINT,
            "老板拖欠三个月工资未结",
            null,
            RECEIVED,
            RECEIVED.plusSeconds(1),
            OffsetDateTime.parse("2026-02-06T00:00:00+08:00"),
            Priority.URGENT);

    String json = EventJson.MAPPER.writeValueAsString(assigned);

    assertThat(EventJson.MAPPER.readValue(json, TicketAssigned.class)).isEqualTo(assigned);
    assertThat(violations("TicketAssigned", json)).isEmpty();
  }

  @Test
  void aTriagedTicketCarriesTheWholeTicketAndTheProposedDecision() {
    var triaged =
        new TicketTriaged(
            wageArrearsTicket(),
            new TicketRouted(
                UUID.randomUUID(),
                "260131-01-0042",
                RECEIVED,
                RECEIVED.plusSeconds(1),
                "hotline-phone",
                RoutingOutcome.TRIAGE,
                "garbage",
                null,
                DISTRICT_PLACEHOLDER,
                List.of("urban-management"),
                "district-unknown",
                "v1",
                "区县不明",
                null,
                null));

    String json = EventJson.MAPPER.writeValueAsString(triaged);

    assertThat(EventJson.MAPPER.readValue(json, TicketTriaged.class)).isEqualTo(triaged);
    assertThat(violations("TicketRouted", EventJson.MAPPER.writeValueAsString(triaged.decision())))
        .isEmpty();
    assertThat(triaged.decision().priority()).isEqualTo(Priority.NORMAL);
  }

  private static final String DISTRICT_PLACEHOLDER = "district";

  @Test
  void aTicketWithoutContentBreaksTheSchemaSoTheSchemaReallyChecksSomething() {
    String json =
        EventJson.MAPPER
            .writeValueAsString(wageArrearsTicket())
            .replaceAll("\"content\":\"[^\"]*\",", "");

    assertThat(violations("TicketReceived", json))
        .extracting(ValidationMessage::getMessage)
        .anyMatch(message -> message.contains("content"));
  }

  @Test
  void anOlderConsumerIgnoresFieldsAddedLater() {
    String json =
        EventJson.MAPPER
            .writeValueAsString(wageArrearsTicket())
            .replace("{", "{\"callerPhoneMasked\":\"138****5678\",");

    assertThat(EventJson.MAPPER.readValue(json, TicketReceived.class))
        .isEqualTo(wageArrearsTicket());
  }

  @Test
  void aUnitsProgressReportSurvivesARoundTripAndMatchesItsSchema() {
    var report =
        new ProgressReport(
            java.util.UUID.randomUUID(),
            "260131-01-0042",
            "hrss",
            ProgressKind.EXTENSION_REQUESTED,
            java.time.OffsetDateTime.parse("2026-01-31T16:30:00+08:00"),
            "张科长",
            null,
            "需协调企业账户解冻",
            java.time.OffsetDateTime.parse("2026-02-10T00:00:00+08:00"));
    String json = EventJson.MAPPER.writeValueAsString(report);

    assertThat(EventJson.MAPPER.readValue(json, ProgressReport.class)).isEqualTo(report);
    assertThat(violations("ProgressReport", json)).isEmpty();
  }

  @Test
  void aReturnWithoutAReasonBreaksTheProgressSchema() {
    String json =
        """
        {"eventId":"0b6f3c1e-7d2a-4c1b-9a55-1f2e3d4c5b6a","ticketNumber":"260131-01-0042",
         "unit":"hrss","kind":"RETURNED","at":"2026-01-31T10:00:00+08:00"}
        """;

    assertThat(violations("ProgressReport", json)).isNotEmpty();
  }

  @Test
  void aCaseEventMatchesItsSchema() {
    var event =
        new CaseEvent(
            java.util.UUID.randomUUID(),
            "260131-01-0042",
            CaseEventKind.CALLBACK_RECORDED,
            java.util.UUID.randomUUID(),
            CaseStatus.APPROVED,
            java.time.OffsetDateTime.parse("2026-02-03T10:00:00+08:00"),
            "hrss",
            "回访员",
            "hrss",
            java.time.OffsetDateTime.parse("2026-02-10T00:00:00+08:00"),
            "回访：已解决，SATISFIED",
            true,
            true,
            Satisfaction.SATISFIED,
            java.util.List.of(),
            0,
            0);
    String json = EventJson.MAPPER.writeValueAsString(event);

    assertThat(EventJson.MAPPER.readValue(json, CaseEvent.class)).isEqualTo(event);
    assertThat(violations("CaseEvent", json)).isEmpty();
  }

  @Test
  void aTicketFromAnOlderProducerWithoutTheAnsweredOnCallFlagReadsAsNotAnswered() {
    String json =
        """
        {"eventId":"0b6f3c1e-7d2a-4c1b-9a55-1f2e3d4c5b6a","ticketNumber":"260131-01-0042",
         "receivedAt":"2026-01-31T09:15:30+08:00","channel":"hotline-phone","content":"停水"}
        """;

    var ticket = EventJson.MAPPER.readValue(json, TicketReceived.class);

    assertThat(ticket.answeredOnCall()).isFalse();
    assertThat(ticket.attachments()).isEmpty();
    assertThat(violations("TicketReceived", json)).isEmpty();
  }

  @Test
  void aReturnedTicketCarriesTheWholeTicketAndMatchesItsSchema() {
    var returned = returnedTicket();

    String json = EventJson.MAPPER.writeValueAsString(returned);

    assertThat(EventJson.MAPPER.readValue(json, TicketReturned.class)).isEqualTo(returned);
    assertThat(violations("TicketReturned", json)).isEmpty();
  }

  @Test
  void aReturnedTicketWhoseTicketHasNoContentBreaksTheSchemaThroughTheTicketsOwnSchema() {
    String json =
        EventJson.MAPPER
            .writeValueAsString(returnedTicket())
            .replaceAll("\"content\":\"[^\"]*\",", "");

    assertThat(violations("TicketReturned", json))
        .extracting(ValidationMessage::getMessage)
        .anyMatch(message -> message.contains("content"));
  }

  @Test
  void anExtensionRequestWithoutItsReasonBreaksTheSchemaAndTheReportsOwnCheck() {
    var report =
        new ProgressReport(
            UUID.randomUUID(),
            "260131-01-0042",
            "hrss",
            ProgressKind.EXTENSION_REQUESTED,
            OffsetDateTime.parse("2026-01-31T16:30:00+08:00"),
            "张科长",
            null,
            null,
            OffsetDateTime.parse("2026-02-10T00:00:00+08:00"));

    assertThat(violations("ProgressReport", EventJson.MAPPER.writeValueAsString(report)))
        .extracting(ValidationMessage::getMessage)
        .anyMatch(message -> message.contains("text"));
    assertThat(report.violations()).containsOnlyKeys("text");
  }

  /** Departments check with the schema, handling with {@code violations()}: the two must agree. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"kind\":\"ACCEPTED\"}                                   | by",
        "{\"kind\":\"ACCEPTED\",\"by\":\" \"}                      | by",
        "{\"kind\":\"RETURNED\",\"by\":\"李\"}                     | returnReason",
        "{\"kind\":\"EXTENSION_REQUESTED\",\"text\":\"需协调\"}    | requestedDueAt",
        "{\"kind\":\"RESOLVED\"}                                   | text",
        "{\"kind\":\"NOTE\",\"eventId\":null}                      | eventId",
        "{\"kind\":\"NOTE\",\"at\":null}                           | at",
        "{\"kind\":\"NOTE\",\"unit\":null}                         | unit",
        "{\"kind\":null}                                           | kind",
      })
  void theProgressSchemaAndTheReportsOwnCheckRefuseTheSameIncompleteReports(
      String fields, String missing) {
    var report =
        (ObjectNode)
            EventJson.MAPPER.readTree(
                "{\"eventId\":\"0b6f3c1e-7d2a-4c1b-9a55-1f2e3d4c5b6a\","
                    + "\"ticketNumber\":\"260131-01-0042\",\"unit\":\"hrss\","
                    + "\"at\":\"2026-01-31T10:00:00+08:00\"}");
    // given a complete report with these fields changed, and those set to null left out
    EventJson.MAPPER
        .readTree(fields)
        .properties()
        .forEach(
            field -> {
              if (field.getValue().isNull()) {
                report.remove(field.getKey());
              } else {
                report.set(field.getKey(), field.getValue());
              }
            });
    String json = EventJson.MAPPER.writeValueAsString(report);

    assertThat(violations("ProgressReport", json)).as(json).isNotEmpty();
    assertThat(EventJson.MAPPER.readValue(json, ProgressReport.class).violations())
        .as(json)
        .containsOnlyKeys(missing);
  }

  @Test
  void aCallbackThatReachedTheCitizenWithoutTheirSatisfactionBreaksTheActionSchemaAndItsCheck() {
    var action =
        new HotlineAction(
            UUID.randomUUID(),
            "260131-01-0042",
            HotlineActionKind.CALLBACK,
            OffsetDateTime.parse("2026-02-03T10:00:00+08:00"),
            "回访员",
            null,
            true,
            true,
            null,
            null);

    assertThat(violations("HotlineAction", EventJson.MAPPER.writeValueAsString(action)))
        .isNotEmpty();
    assertThat(action.violations()).containsOnlyKeys("satisfaction");
  }

  @Test
  void anExtensionRefusedWithoutAReasonBreaksTheActionSchemaAndItsCheck() {
    var action =
        new HotlineAction(
            UUID.randomUUID(),
            "260131-01-0042",
            HotlineActionKind.EXTENSION_REFUSED,
            OffsetDateTime.parse("2026-02-03T10:00:00+08:00"),
            "值班长",
            null,
            null,
            null,
            null,
            null);

    assertThat(violations("HotlineAction", EventJson.MAPPER.writeValueAsString(action)))
        .isNotEmpty();
    assertThat(action.violations()).containsOnlyKeys("reason");
  }

  private static TicketReturned returnedTicket() {
    return new TicketReturned(
        UUID.randomUUID(),
        wageArrearsTicket(),
        "hrss",
        ReturnReason.NOT_OUR_DUTY,
        List.of("hrss"),
        OffsetDateTime.parse("2026-02-02T10:00:00+08:00"));
  }

  private static Set<ValidationMessage> violations(String event, String json) {
    try (InputStream schema =
        EventJson.class.getResourceAsStream("/schemas/" + event + ".schema.json")) {
      // A schema refers to another by its $id (a returned ticket's ticket is a TicketReceived):
      // resolved from the published files, never fetched.
      JsonSchema jsonSchema =
          JsonSchemaFactory.getInstance(
                  SpecVersion.VersionFlag.V202012,
                  factory ->
                      factory.schemaMappers(
                          mappers ->
                              mappers.mapPrefix(
                                  "https://hotline.xining.gov.cn/schemas/", "classpath:schemas/")))
              .getSchema(schema);
      return jsonSchema.validate(new ObjectMapper().readTree(json));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
