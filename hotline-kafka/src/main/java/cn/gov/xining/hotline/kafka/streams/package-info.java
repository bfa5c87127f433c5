/** What the Kafka Streams services share: dead-letter topics and the health of the streams. */
package cn.gov.xining.hotline.kafka.streams;
