/**
 * Runs a real single-node Apache Kafka broker (KRaft combined mode: broker and controller in one
 * process, listening on 127.0.0.1 only) from the Kafka jars on the classpath, so the hotline
 * services can be run and demonstrated on a machine without Docker; it formats its data directory
 * on first start and reuses it afterwards, and it is not meant for production. With {@code
 * --security} it enforces {@code deploy/kafka-security.yaml} (SCRAM users, ACLs, per-unit topics)
 * through {@link cn.gov.xining.hotline.broker.KafkaSecurity} and {@link
 * cn.gov.xining.hotline.broker.SecurityProvisioner}, which the tests' in-process broker shares.
 */
package cn.gov.xining.hotline.broker;
