/**
 * Helpers the services' tests share: reading a topic the way a department's system would (plain
 * Kafka client, raw JSON, committed records only) and writing raw bytes as a poison pill.
 */
package cn.gov.xining.hotline.testsupport;
