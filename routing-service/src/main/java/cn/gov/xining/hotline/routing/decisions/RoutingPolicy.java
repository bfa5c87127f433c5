package cn.gov.xining.hotline.routing.decisions;

import cn.gov.xining.hotline.contract.TicketReceived;

/**
 * Decides where a ticket goes. Implementations are pure: same ticket and same rules, same decision,
 * so a replayed ticket is routed the same way.
 */
public interface RoutingPolicy {

  /**
   * @throws UndecidableTicketException if the ticket lacks content, names a code the catalog does
   *     not know, or was received at a time no day or deadline can be computed for
   */
  RoutingDecision decide(TicketReceived ticket);
}
