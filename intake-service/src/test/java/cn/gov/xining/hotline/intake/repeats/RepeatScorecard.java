package cn.gov.xining.hotline.intake.repeats;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.intake.history.TicketHistory;
import cn.gov.xining.hotline.intake.history.TicketStatus;
import cn.gov.xining.hotline.intake.outbox.TicketOutbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * Runs a labelled set of appeal groups through intake's repeat matching and counts what it got
 * right. Every group is in the database at once, one starting every 8 hours, so that groups also
 * meet each other's tickets. Each appeal is matched, stored, and then routed as routing would: the
 * first of a group transferred in its topic, a linked one linked. With topics (the operator's
 * choice, labelled apart from the texts), an appeal is given its topic as the operator would, and
 * routing's topic check is applied; without, the figures are intake's proposal alone.
 */
final class RepeatScorecard {

  /** What a run found. {@code examples}: the false links, as group → group linked to. */
  record Score(
      String set,
      boolean withTopics,
      int appeals,
      int links,
      int repeatsFound,
      int repeatsToFind,
      int falseLinks,
      List<String> examples,
      List<String> missed) {

    double found() {
      return 100.0 * repeatsFound / repeatsToFind;
    }

    double falseLinkRate() {
      return 100.0 * falseLinks / appeals;
    }

    @Override
    public String toString() {
      return "%s (%s): %d appeals, %d links; repeats found %d of %d (%.1f %%); false links %d (%.1f %% of appeals) %s"
          .formatted(
              set,
              withTopics ? "operator's topics, routing's topic check" : "no topics, intake alone",
              appeals,
              links,
              repeatsFound,
              repeatsToFind,
              found(),
              falseLinks,
              falseLinkRate(),
              examples);
    }
  }

  private record Appeal(String group, boolean repeatGroup, int index, TicketReceived ticket) {}

  private final RepeatAppeals repeats;
  private final TicketOutbox outbox;
  private final TicketHistory history;

  RepeatScorecard(RepeatAppeals repeats, TicketOutbox outbox, TicketHistory history) {
    this.repeats = repeats;
    this.outbox = outbox;
    this.history = history;
  }

  /**
   * @param node the intake node in the run's ticket numbers, different for each run
   * @param base when the run's first group starts: runs must lie further apart than the window
   */
  Score measure(String set, String topics, int node, OffsetDateTime base) throws IOException {
    var appeals = read(set, topics, node, base);
    var groupOf = new HashMap<String, String>();
    int toFind = 0, found = 0, falseLinks = 0, links = 0;
    var examples = new ArrayList<String>();
    var missed = new ArrayList<String>();
    for (var appeal : appeals) {
      var ticket = appeal.ticket();
      var repeat = repeats.find(ticket);
      boolean later = appeal.repeatGroup() && appeal.index() > 0;
      if (later) {
        toFind++;
      }
      // Routing's check: linked only in the open ticket's topic.
      if (repeat.isPresent()
          && topics != null
          && !repeat.get().openTicket().topicCode().equals(ticket.topicCode())) {
        repeat = java.util.Optional.empty();
      }
      if (repeat.isPresent()) {
        links++;
        String linkedTo = repeat.get().openTicket().ticketNumber();
        // Right when it is another appeal of the same problem (its root, or one not linked).
        if (appeal.repeatGroup() && appeal.group().equals(groupOf.get(linkedTo))) {
          found++;
        } else {
          falseLinks++;
          examples.add(appeal.group() + "→" + groupOf.get(linkedTo));
        }
        ticket = ticket.repeating(repeat.get().openTicket());
      } else if (later) {
        missed.add(appeal.group() + "#" + appeal.index() + " " + ticket.content());
      }
      store(ticket);
      groupOf.put(ticket.ticketNumber(), appeal.group());
    }
    return new Score(
        set.substring(set.lastIndexOf('/') + 1),
        topics != null,
        appeals.size(),
        links,
        found,
        toFind,
        falseLinks,
        examples,
        missed);
  }

  /** Stored as intake stores it, then routed as routing would route it. */
  private void store(TicketReceived ticket) {
    outbox.store(ticket, EventJson.MAPPER.writeValueAsString(ticket), ticket.receivedAt());
    repeats.remember(ticket);
    boolean linked = ticket.repeatOf() != null;
    var at = ticket.receivedAt().plusMinutes(1);
    history.changed(
        ticket.ticketNumber(),
        linked ? TicketStatus.LINKED : TicketStatus.TRANSFERRED,
        at,
        null,
        UUID.randomUUID().toString(),
        linked ? ticket.repeatOf().primaryUnit() : "gov-" + ticket.districtCode(),
        ticket.receivedAt().plusDays(10));
    String topic = linked ? ticket.repeatOf().topicCode() : ticket.topicCode();
    if (topic != null) {
      history.topicDecided(ticket.ticketNumber(), topic);
    }
  }

  private static List<Appeal> read(String set, String topics, int node, OffsetDateTime base)
      throws IOException {
    var lines = lines(set);
    var topicLines = topics == null ? null : lines(topics);
    var appeals = new ArrayList<Appeal>();
    int sequence = 0;
    for (int g = 0; g < lines.size(); g++) {
      JsonNode group = EventJson.MAPPER.readTree(lines.get(g));
      JsonNode labels =
          topicLines == null ? null : EventJson.MAPPER.readTree(topicLines.get(g)).get("topics");
      var start = base.plusHours(8L * g);
      int index = 0;
      for (JsonNode appeal : group.get("appeals")) {
        sequence++;
        var at = start.plusMinutes(appeal.get("minutesAfterFirst").asLong());
        appeals.add(
            new Appeal(
                group.get("group").asString(),
                "repeat".equals(group.get("case").asString()),
                index,
                new TicketReceived(
                    UUID.randomUUID(),
                    "%s-%02d-%04d"
                        .formatted(
                            at.format(DateTimeFormatter.ofPattern("yyMMdd")), node, sequence),
                    at,
                    "hotline-phone",
                    null,
                    appeal.get("content").asString(),
                    text(appeal, "address"),
                    text(appeal, "districtCode"),
                    labels == null ? null : labels.get(index).asString(),
                    null,
                    null,
                    number(appeal, "latitude"),
                    number(appeal, "longitude"),
                    false,
                    null,
                    null,
                    List.of(),
                    "scorecard")));
        index++;
      }
    }
    appeals.sort(Comparator.comparing(a -> a.ticket().receivedAt()));
    return appeals;
  }

  private static List<String> lines(String resource) throws IOException {
    return new ClassPathResource(resource)
        .getContentAsString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> !line.isBlank())
        .toList();
  }

  private static String text(JsonNode node, String field) {
    var value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static Double number(JsonNode node, String field) {
    var value = node.get(field);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}
