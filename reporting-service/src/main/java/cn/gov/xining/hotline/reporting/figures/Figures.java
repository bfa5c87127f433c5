package cn.gov.xining.hotline.reporting.figures;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.RoutingOutcome;
import cn.gov.xining.hotline.contract.Satisfaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one ticket adds to the figures of the day it was received: counter keys, each counted once
 * per ticket. Kafka Streams subtracts a ticket's old keys and adds its new ones whenever anything
 * about it changes, so the figures always describe each ticket's latest state. The formulas built
 * on these counters are written in docs/api.md ("Report formulas").
 */
public final class Figures {

  private Figures() {}

  /**
   * How an appeal reached the hotline, as the bulletins group them: 来电 is the 12345 line, 来信 a
   * letter, and every other catalog channel (WeChat 随手拍, the mayor's mailbox, the government
   * portals, People.cn, the national platform) is a 网上留言, as the seeds' daily report counts them.
   */
  public static String medium(String channel) {
    return switch (channel) {
      case "hotline-phone" -> "CALL";
      case "letter" -> "LETTER";
      default -> "ONLINE";
    };
  }

  static List<String> of(TicketFacts facts) {
    var ticket = facts.ticket();
    var routed = facts.routed();
    var handling = facts.handling();
    String medium = medium(ticket.channel());
    var keys = new ArrayList<String>();
    keys.add("RECEIVED");
    keys.add("CHANNEL|" + ticket.channel());
    keys.add("MEDIUM|" + medium);
    String district =
        routed != null && routed.districtCode() != null
            ? routed.districtCode()
            : ticket.districtCode();
    if (district != null) {
      keys.add("DISTRICT|" + district);
    }
    if (routed == null) {
      keys.add("UNROUTED");
      return keys;
    }
    // 重复件: a repeat appeal joins an open ticket's case and lead unit, so it is a transferred appeal
    // in every figure (received, channel, topic, district, completion, time limits, callbacks); it
    // is never answered directly nor in triage. Only the units' own record counts cases, not
    // appeals: see linkedToCase.
    boolean linked = routed.outcome() == RoutingOutcome.LINKED;
    var outcome = linked ? RoutingOutcome.TRANSFER : routed.outcome();
    keys.add("OUTCOME|" + outcome);
    keys.add("MEDIUM_OUTCOME|" + medium + "|" + outcome);
    if (linked) {
      keys.add("LINKED");
    }
    if (outcome != RoutingOutcome.TRIAGE && routed.topicCode() != null) {
      String topic = routed.topicCode();
      keys.add("TOPIC|" + topic);
      var units = units(routed.primaryUnit(), routed.assistingUnits(), district);
      for (String unit : units) {
        keys.add("TOPIC_UNIT|" + topic + "|" + unit);
      }
      // The units contacted about a hot topic are those its tickets were transferred to, never
      // the hotline that answered on the call; lead units are listed first.
      if (outcome == RoutingOutcome.TRANSFER) {
        var lead = units(routed.primaryUnit(), List.of(), district);
        for (String unit : units) {
          keys.add((lead.contains(unit) ? "TOPIC_LEAD|" : "TOPIC_ASSIST|") + topic + "|" + unit);
        }
      }
      // Each phrase the appeal's text offers, once: the main content is the one most appeals offer.
      facts.phrases().forEach(phrase -> keys.add("TOPIC_PHRASE|" + topic + "|" + phrase));
      if (ticket.address() != null && !ticket.address().isBlank()) {
        keys.add("TOPIC_ADDRESS|" + topic + "|" + ticket.address().strip());
      }
    }
    boolean direct = outcome == RoutingOutcome.DIRECT;
    boolean transfer = outcome == RoutingOutcome.TRANSFER;
    // For a repeat appeal: once its case's result was shared with it (RESULT_SHARED, approved).
    boolean completedByUnit = transfer && handling.completed();
    if (direct || completedByUnit) {
      keys.add("COMPLETED");
      if (direct || handling.resolvedOnTime()) {
        keys.add("COMPLETED_ON_TIME");
      }
    } else if (transfer) {
      // Only a transferred ticket has a time limit: one waiting in triage is neither.
      keys.add("OPEN");
      if (handling.overdue()) {
        keys.add("OPEN_OVERDUE");
      }
      // The open tickets themselves, by lead unit, for the managers' lists behind the two figures.
      String lead = units(leadUnit(facts), List.of(), district).stream().findFirst().orElse("");
      var due = handling.dueAt() != null ? handling.dueAt() : routed.dueAt();
      keys.add(
          String.join(
              "|",
              "OPEN_TICKET",
              handling.overdue() ? "OVERDUE" : "WITHIN",
              lead,
              ticket.ticketNumber(),
              due == null ? "" : due.toString()));
    }
    // A district's rates, by the same formulas as the city's: completed of received, satisfied of
    // the verdicts of reached callbacks.
    if (district != null && (direct || completedByUnit)) {
      keys.add("D_COMPLETED|" + district);
    }
    if (district != null && handling.reached() && handling.satisfaction() != null) {
      keys.add("D_CALLBACK_REACHED|" + district);
      if (handling.satisfaction() != Satisfaction.NOT_SATISFIED) {
        keys.add("D_SATISFIED|" + district);
      }
    }
    if (handling.callbacks() > 0) {
      keys.add("CALLBACK");
    }
    if (handling.reached()) {
      keys.add("CALLBACK_REACHED");
      if (Boolean.TRUE.equals(handling.solved())) {
        keys.add("SOLVED");
      }
      if (handling.satisfaction() != null) {
        keys.add("SATISFACTION|" + handling.satisfaction());
      }
    }
    // A unit's figures follow the ticket after it left the unit: one sent back by every unit and
    // waiting in triage (or answered by the hotline since) still counts for the units it passed.
    if (linked) {
      linkedToCase(facts, keys);
    } else if (transfer || handling.primaryUnit() != null) {
      unitPerformance(facts, completedByUnit, keys);
    }
    return keys;
  }

  /** What a ticket adds to its batch (e.g. a central inspection batch). */
  static List<String> ofBatch(TicketFacts facts) {
    var keys = new ArrayList<String>();
    keys.add("RECEIVED");
    keys.add("MEDIUM|" + medium(facts.ticket().channel()));
    var routed = facts.routed();
    String district =
        routed != null && routed.districtCode() != null
            ? routed.districtCode()
            : facts.ticket().districtCode();
    if (district != null) {
      keys.add("DISTRICT|" + district);
    }
    if (routed != null && routed.outcome() != RoutingOutcome.TRIAGE && routed.topicCode() != null) {
      keys.add("TOPIC|" + routed.topicCode());
    }
    if (routed != null
        && (routed.outcome() == RoutingOutcome.DIRECT || facts.handling().completed())) {
      keys.add("COMPLETED");
    }
    return keys;
  }

  /** The lead unit now (or the last, if every unit sent the ticket back), as routed otherwise. */
  private static String leadUnit(TicketFacts facts) {
    var handling = facts.handling();
    return handling.primaryUnit() != null ? handling.primaryUnit() : facts.routed().primaryUnit();
  }

  private static void unitPerformance(TicketFacts facts, boolean completed, List<String> keys) {
    var handling = facts.handling();
    String unit = leadUnit(facts);
    keys.add("U_ASSIGNED|" + unit);
    for (String returned : handling.returnedBy()) {
      keys.add("U_RETURNED|" + returned);
      if (!returned.equals(unit)) {
        keys.add("U_ASSIGNED|" + returned); // it got the ticket too, before sending it back
      }
    }
    handling.signedBy().forEach(signed -> keys.add("U_SIGNED|" + signed));
    handling.signedOnTimeBy().forEach(signed -> keys.add("U_SIGNED_ON_TIME|" + signed));
    if (completed) {
      keys.add("U_RESOLVED|" + unit);
      if (handling.resolvedOnTime()) {
        keys.add("U_RESOLVED_ON_TIME|" + unit);
      }
    }
    handling.rehandledBy().forEach(rehandled -> keys.add("U_REHANDLED|" + rehandled));
    verdict(handling, unit, keys);
  }

  /**
   * A repeat appeal in its lead unit's record: not a case of the unit's (it was never assigned, so
   * it can be neither signed for, returned nor resolved apart from the case it joined, which the
   * unit's figures count once), but its citizen's verdict on the result is their own.
   */
  private static void linkedToCase(TicketFacts facts, List<String> keys) {
    String unit = leadUnit(facts);
    if (unit == null) {
      return;
    }
    keys.add("U_LINKED|" + unit);
    verdict(facts.handling(), unit, keys);
  }

  /** The latest reached callback's verdict, for the unit whose result the citizen judged. */
  private static void verdict(HandlingFacts handling, String unit, List<String> keys) {
    if (handling.reached() && handling.satisfaction() != null) {
      String judged = handling.verdictUnit() != null ? handling.verdictUnit() : unit;
      keys.add("U_CALLBACK_REACHED|" + judged);
      if (handling.satisfaction() != Satisfaction.NOT_SATISFIED) {
        keys.add("U_SATISFIED|" + judged);
      }
    }
  }

  private static Set<String> units(String primary, List<String> assisting, String district) {
    var units = new LinkedHashSet<String>();
    if (primary != null) {
      units.add(primary);
    }
    units.addAll(assisting);
    // "district" is the district's government once the district is known; no one before that.
    var resolved = new LinkedHashSet<String>();
    for (String unit : units) {
      if (!Catalog.DISTRICT_TARGET.equals(unit) || district != null) {
        resolved.add(Catalog.resolveTarget(unit, district));
      }
    }
    return resolved;
  }
}
