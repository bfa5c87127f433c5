/**
 * Triage (人工分派): the backlog of tickets no rule could place, as a view of the compacted {@code
 * tickets-triage} topic (rebuilt from Kafka at start, so it survives restarts), and the dispatch by
 * hand of a triage operator (派单员), recorded as such in the decision: once per ticket across every
 * routing instance, settled by Kafka's transactional fencing on an id per ticket.
 */
package cn.gov.xining.hotline.routing.triage;
