package cn.gov.xining.hotline.routing.engine;

import cn.gov.xining.hotline.catalog.Catalog;
import cn.gov.xining.hotline.contract.TicketReceived;
import cn.gov.xining.hotline.routing.decisions.RoutingDecision.Units;
import cn.gov.xining.hotline.routing.districts.DistrictMatch;
import cn.gov.xining.hotline.routing.districts.DistrictResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;

/**
 * 区县: where the ticket is, and so who is responsible. The operator's district wins; otherwise the
 * gazetteer reads the address, then the content. A route's {@code district} becomes that district's
 * government once the district is known, and stays {@code district}, for a person to name, while it
 * is not.
 */
final class DistrictStep {

  private final DistrictResolver resolver;

  DistrictStep(DistrictResolver resolver) {
    this.resolver = resolver;
  }

  DistrictMatch locate(TicketReceived ticket) {
    return ticket.districtCode() != null
        ? new DistrictMatch(ticket.districtCode(), "", "接线员已选定区县 (district given by the operator)")
        : resolver.resolve(ticket.address(), ticket.content());
  }

  /** The units that receive the ticket: each once, the lead never also assisting. */
  Units assignees(Route route, DistrictMatch district) {
    String primary = unitFor(route.primaryTarget(), district);
    var assisting = new LinkedHashSet<String>();
    route.assistTargets().forEach(target -> assisting.add(unitFor(target, district)));
    assisting.remove(primary);
    return new Units(primary, new ArrayList<>(assisting));
  }

  /** The units proposed to the person who triages: as the route lists them, less the lead. */
  Units proposal(Route route, DistrictMatch district) {
    String primary = unitFor(route.primaryTarget(), district);
    var assisting = new ArrayList<String>();
    route.assistTargets().forEach(target -> assisting.add(unitFor(target, district)));
    assisting.remove(primary);
    return new Units(primary, assisting);
  }

  private static String unitFor(String target, DistrictMatch district) {
    return district.known() ? Catalog.resolveTarget(target, district.districtCode()) : target;
  }
}
