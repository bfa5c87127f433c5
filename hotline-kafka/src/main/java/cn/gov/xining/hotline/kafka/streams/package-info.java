/**
 * What the Kafka Streams services share: dead-letter handlers and topics (the cause named, the copy
 * bounded, the original timestamp type kept), the health of the streams, and interactive queries
 * across instances (which instance holds a key, asking it over HTTP as the caller, leaving the
 * group on close).
 */
package cn.gov.xining.hotline.kafka.streams;
