/**
 * routing-service consumes {@code tickets-received} and decides for each ticket: direct handling by
 * the hotline, transfer to a lead unit with assisting units, or manual triage. It is the single
 * writer of {@code routing-decisions}, {@code tickets-triage} and every {@code assignments-<unit>}
 * topic, and writes them in one Kafka transaction with the consumed offset.
 */
package cn.gov.xining.hotline.routing;
