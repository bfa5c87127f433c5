/**
 * What the Kafka Streams services share: dead-letter handlers and topics (the cause named, the copy
 * bounded, the original timestamp type kept) and the health of the streams.
 */
package cn.gov.xining.hotline.kafka.streams;
