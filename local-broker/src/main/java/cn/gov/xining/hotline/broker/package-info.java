/**
 * Runs a real single-node Apache Kafka broker (KRaft combined mode: broker and controller in one
 * process, listening on 127.0.0.1 only) from the Kafka jars on the classpath, so the hotline
 * services can be run and demonstrated on a machine without Docker; it formats its data directory
 * on first start and reuses it afterwards, and it is not meant for production.
 */
package cn.gov.xining.hotline.broker;
