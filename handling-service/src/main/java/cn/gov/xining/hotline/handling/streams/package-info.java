/** The Kafka Streams topology that owns the case files, and its wiring. */
package cn.gov.xining.hotline.handling.streams;
