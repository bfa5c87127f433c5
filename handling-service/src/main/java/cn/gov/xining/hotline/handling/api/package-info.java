/**
 * The REST side of handling: a ticket's case file with its history, units' reports for units
 * without a Kafka client, and the hotline staff's decisions (extension, review, callback).
 */
package cn.gov.xining.hotline.handling.api;
