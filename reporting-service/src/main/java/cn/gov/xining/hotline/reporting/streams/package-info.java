/**
 * The Kafka Streams application itself: its configuration, the dead-lettering of records it cannot
 * read ({@code <topic>-dlt}, written in the same exactly-once transaction), and its health.
 */
package cn.gov.xining.hotline.reporting.streams;
