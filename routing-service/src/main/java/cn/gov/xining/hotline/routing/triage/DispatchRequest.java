package cn.gov.xining.hotline.routing.triage;

import java.util.List;

/**
 * A triage operator's decision for one ticket.
 *
 * @param dispatcher who decided (派单员), recorded in the decision: the signed-in dispatcher;
 *     optional, and refused (403) when it names anyone else
 * @param topicCode the catalog topic (required)
 * @param districtCode the district, required when the route needs it and the ticket has none
 * @param primaryUnit overrides the catalog's lead unit (optional)
 * @param assistingUnits overrides the catalog's assisting units (optional)
 * @param note why, in the operator's words (optional)
 */
public record DispatchRequest(
    String dispatcher,
    String topicCode,
    String districtCode,
    String primaryUnit,
    List<String> assistingUnits,
    String note) {

  /** The same decision, taken by the signed-in dispatcher. */
  public DispatchRequest by(String signedInDispatcher) {
    return new DispatchRequest(
        signedInDispatcher, topicCode, districtCode, primaryUnit, assistingUnits, note);
  }
}
