package cn.gov.xining.hotline.intake.repeats;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.contract.OpenTicket;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.history.TicketStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the open ticket a new appeal repeats, and remembers where each appeal is. An appeal repeats
 * an open ticket when all of these hold (docs/repeat-appeals.md):
 *
 * <ul>
 *   <li>the open ticket was received within the window before it and a unit is handling it
 *       (transferred, in handling, or transferred again; or it is itself linked to such a ticket,
 *       which then is the one linked to);
 *   <li>it is at the same place ({@link Place#sameAs}): a named site in common, a road in common
 *       without house numbers far apart, or coordinates within the distance;
 *   <li>no district and no operator's topic says otherwise;
 *   <li>its telling characters are similar enough ({@link AppealWords}).
 * </ul>
 *
 * Of several, the most similar is taken, the newest on a tie.
 */
@Component
public class RepeatAppeals {

  /** The statuses in which a unit is working on the ticket. */
  private static final List<String> HANDLED =
      List.of(
          TicketStatus.TRANSFERRED.name(),
          TicketStatus.IN_HANDLING.name(),
          TicketStatus.REASSIGNED.name());

  /** Candidates: handled tickets and the appeals already linked to one. */
  private static final List<String> CANDIDATES =
      List.of(
          TicketStatus.TRANSFERRED.name(),
          TicketStatus.IN_HANDLING.name(),
          TicketStatus.REASSIGNED.name(),
          TicketStatus.LINKED.name());

  /** The open ticket an appeal repeats, as the event carries it, and what the operator is told. */
  public record Repeat(OpenTicket openTicket, SameProblem answer) {}

  private record Candidate(
      String ticketNumber,
      TicketStatus status,
      String topicCode,
      String unit,
      OffsetDateTime dueAt,
      TicketReceived ticket,
      String repeatOf) {}

  private final JdbcClient jdbc;
  private final Places places;
  private final Catalog catalog;
  private final RepeatProperties properties;

  RepeatAppeals(JdbcClient jdbc, Places places, Catalog catalog, RepeatProperties properties) {
    this.jdbc = jdbc;
    this.places = places;
    this.catalog = catalog;
    this.properties = properties;
  }

  /** The open ticket this appeal repeats, if any. Reads only; call before storing the appeal. */
  public Optional<Repeat> find(TicketReceived appeal) {
    if (!properties.enabled()) {
      return Optional.empty();
    }
    var place = placeOf(appeal);
    Candidate best = null;
    double bestSimilarity = 0;
    for (var candidate : candidatesAt(place, appeal.receivedAt())) {
      var theirs = candidate.ticket();
      if (differ(appeal.districtCode(), theirs.districtCode())
          || differ(appeal.topicCode(), candidate.topicCode())) {
        continue;
      }
      var theirPlace = placeOf(theirs);
      if (!place.sameAs(theirPlace, properties.distanceMetres(), properties.houseNumberGap())) {
        continue;
      }
      var names = new HashSet<String>(place.landmarks());
      names.addAll(place.roads().keySet());
      names.addAll(theirPlace.landmarks());
      names.addAll(theirPlace.roads().keySet());
      double similarity = AppealWords.similarity(appeal.content(), theirs.content(), names);
      if (similarity >= properties.minSimilarity() && similarity > bestSimilarity) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    return Optional.ofNullable(best).flatMap(found -> repeatOf(found, appeal));
  }

  /** Keeps where the appeal is, and the ticket it repeats; in the transaction that stores it. */
  public void remember(TicketReceived appeal) {
    if (!properties.enabled()) {
      return;
    }
    var place = placeOf(appeal);
    for (String key : place.keys()) {
      jdbc.sql("INSERT INTO appeal_place (ticket_number, place_key) VALUES (:number, :key)")
          .param("number", appeal.ticketNumber())
          .param("key", key)
          .update();
    }
    if (place.hasPosition()) {
      jdbc.sql(
              "INSERT INTO appeal_position (ticket_number, latitude, longitude)"
                  + " VALUES (:number, :latitude, :longitude)")
          .param("number", appeal.ticketNumber())
          .param("latitude", place.latitude())
          .param("longitude", place.longitude())
          .update();
    }
    if (appeal.repeatOf() != null) {
      jdbc.sql("INSERT INTO appeal_link (ticket_number, repeat_of) VALUES (:number, :open)")
          .param("number", appeal.ticketNumber())
          .param("open", appeal.repeatOf().ticketNumber())
          .update();
    }
  }

  private Place placeOf(TicketReceived ticket) {
    return places.of(ticket.address(), ticket.content(), ticket.latitude(), ticket.longitude());
  }

  private static boolean differ(String mine, String theirs) {
    return mine != null && theirs != null && !mine.equals(theirs);
  }

  private List<Candidate> candidatesAt(Place place, OffsetDateTime receivedAt) {
    var keys = place.keys();
    if (keys.isEmpty() && !place.hasPosition()) {
      return List.of();
    }
    var at = new ArrayList<String>();
    if (!keys.isEmpty()) {
      at.add("SELECT ticket_number FROM appeal_place WHERE place_key IN (:keys)");
    }
    double latitudeSpan = 0, longitudeSpan = 0;
    if (place.hasPosition()) {
      // A box a little larger than the circle; the distance itself is checked on each candidate.
      latitudeSpan = properties.distanceMetres() / 111_000.0 * 1.1;
      longitudeSpan = latitudeSpan / Math.max(0.2, Math.cos(Math.toRadians(place.latitude())));
      at.add(
          "SELECT ticket_number FROM appeal_position WHERE latitude BETWEEN :south AND :north"
              + " AND longitude BETWEEN :west AND :east");
    }
    var statement =
        jdbc.sql(
                "SELECT t.ticket_number, t.status, t.topic_code, t.agency_responsible,"
                    + " t.expected_at, e.event_json, l.repeat_of FROM ticket t"
                    + " JOIN ticket_event e ON e.ticket_number = t.ticket_number"
                    + " LEFT JOIN appeal_link l ON l.ticket_number = t.ticket_number"
                    + " WHERE t.received_at >= :since AND t.received_at <= :until"
                    + " AND t.status IN (:candidates) AND t.ticket_number IN ("
                    + String.join(" UNION ", at)
                    + ") ORDER BY t.received_at DESC LIMIT :limit")
            .param("since", receivedAt.minus(properties.window()))
            .param("until", receivedAt)
            .param("candidates", CANDIDATES)
            .param("limit", properties.maxCandidates());
    if (!keys.isEmpty()) {
      statement = statement.param("keys", List.copyOf(keys));
    }
    if (place.hasPosition()) {
      statement =
          statement
              .param("south", place.latitude() - latitudeSpan)
              .param("north", place.latitude() + latitudeSpan)
              .param("west", place.longitude() - longitudeSpan)
              .param("east", place.longitude() + longitudeSpan);
    }
    return statement
        .query(
            (row, i) ->
                new Candidate(
                    row.getString("ticket_number"),
                    TicketStatus.valueOf(row.getString("status")),
                    row.getString("topic_code"),
                    row.getString("agency_responsible"),
                    row.getObject("expected_at", OffsetDateTime.class),
                    EventJson.MAPPER.readValue(row.getString("event_json"), TicketReceived.class),
                    row.getString("repeat_of")))
        .list();
  }

  /**
   * The ticket to link to: the candidate itself, or the open ticket it was linked to, while a unit
   * is still handling that one.
   */
  private Optional<Repeat> repeatOf(Candidate found, TicketReceived appeal) {
    String number = found.repeatOf() == null ? found.ticketNumber() : found.repeatOf();
    return jdbc.sql(
            "SELECT ticket_number, status, topic_code, agency_responsible, expected_at"
                + " FROM ticket WHERE ticket_number = :number AND status IN (:handled)")
        .param("number", number)
        .param("handled", HANDLED)
        .query(
            (row, i) -> {
              var dueAt = row.getObject("expected_at", OffsetDateTime.class);
              var open =
                  new OpenTicket(
                      number,
                      row.getString("topic_code"),
                      row.getString("agency_responsible"),
                      dueAt == null
                          ? null
                          : dueAt.atZoneSameInstant(HotlineTime.ZONE).toOffsetDateTime());
              var status = TicketStatus.valueOf(row.getString("status"));
              return new Repeat(open, answer(open, status, appeal));
            })
        .optional();
  }

  private SameProblem answer(OpenTicket open, TicketStatus status, TicketReceived appeal) {
    String unitName =
        open.primaryUnit() == null
            ? null
            : catalog.unit(open.primaryUnit()).map(Catalog.Unit::name).orElse(open.primaryUnit());
    boolean confirmed =
        appeal.topicCode() != null && Objects.equals(appeal.topicCode(), open.topicCode());
    String due = open.dueAt() == null ? "" : "，办理时限" + open.dueAt().toLocalDate();
    String message =
        confirmed
            ? "该问题已在办理：工单%s由%s办理%s。本次诉求并入该工单，办结后一并回访。".formatted(open.ticketNumber(), unitName, due)
            : "同一地点有在办工单%s（%s办理%s），如属同一问题，本次诉求将并入该工单办理。"
                .formatted(open.ticketNumber(), unitName, due);
    return new SameProblem(
        open.ticketNumber(),
        open.primaryUnit(),
        unitName,
        open.dueAt(),
        status.chineseName(),
        confirmed,
        message);
  }
}
