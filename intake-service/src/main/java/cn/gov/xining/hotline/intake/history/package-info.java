/**
 * What intake knows of each ticket after taking it: the ticket as published, its current status and
 * the history of how it got there (stored, handed to Kafka, routed), read by operators and the
 * Open311 endpoint.
 */
package cn.gov.xining.hotline.intake.history;
