/**
 * What intake knows of each ticket after taking it: the ticket as published, its current status and
 * the history of how it got there (stored, handed to Kafka, routed), read by operators and the
 * Open311 endpoint. The first two steps are the outbox's to write; this package follows routing's
 * decisions and handling's lifecycle.
 */
package cn.gov.xining.hotline.intake.history;
