/**
 * The Kafka wiring every service shares, kept in one place so no service copies start-up code: the
 * JSON serdes for events (with an error-handling deserializer so a poison pill cannot loop), topic
 * declarations with documented partitions and retention, and the dead-letter handling of listener
 * containers ({@code <topic>-dlt}).
 */
package cn.gov.xining.hotline.kafka;
