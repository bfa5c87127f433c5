/**
 * Dispatching decisions over Kafka: consuming {@code tickets-received}, and publishing the
 * decision, the assignments to each unit's topic and triage cases, all in the consumer's
 * transaction so a ticket is assigned exactly once even when routing dies mid-batch.
 */
package cn.gov.xining.hotline.routing.dispatch;
