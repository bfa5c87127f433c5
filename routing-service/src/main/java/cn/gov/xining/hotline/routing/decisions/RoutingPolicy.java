package cn.gov.xining.hotline.routing.decisions;

import cn.gov.xining.hotline.contract.TicketReceived;

/**
 * Decides where a ticket goes. Implementations are pure: same ticket and same rules, same decision,
 * so a replayed ticket is routed the same way.
 */
public interface RoutingPolicy {

  RoutingDecision decide(TicketReceived ticket);
}
