/**
 * reporting-service is a Kafka Streams application: it reads {@code tickets-received} and {@code
 * routing-decisions}, keeps its figures in persistent state stores backed by changelog topics
 * (exactly once), and serves them over REST. It writes no business topic.
 */
package cn.gov.xining.hotline.reporting;
