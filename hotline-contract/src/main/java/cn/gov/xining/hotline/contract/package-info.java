/**
 * The contract between the hotline's services and the departments' systems: the events that travel
 * over Kafka (past-tense records), the names of the topics they travel on, and the JSON mapper that
 * writes them. Each event has a JSON Schema under {@code /schemas} on the classpath, published for
 * systems written in other languages.
 */
package cn.gov.xining.hotline.contract;
