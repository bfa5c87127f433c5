/**
 * Triage (人工分派): the backlog of tickets no rule could place, as a view of the compacted {@code
 * tickets-triage} topic (rebuilt from Kafka at start, so it survives restarts), and the dispatch by
 * hand of a triage operator (派单员), recorded as such in the decision.
 */
package cn.gov.xining.hotline.routing.triage;
