/**
 * What a routing decision is, without any Kafka in sight: a {@link
 * cn.gov.xining.hotline.routing.decisions.RoutingPolicy} turns a received ticket into a {@link
 * cn.gov.xining.hotline.routing.decisions.RoutingDecision} that names the rule, the rule-set
 * version and the reason, so every decision can be explained to an operator.
 */
package cn.gov.xining.hotline.routing.decisions;
