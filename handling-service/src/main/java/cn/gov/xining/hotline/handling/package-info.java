/**
 * handling-service: the handling loop (转办 — 签收 — 办理 — 审核 — 回访). Units report on {@code
 * ticket-progress} (or over REST), the hotline's staff decide over REST, and one Kafka Streams
 * processor per ticket number applies it all to the ticket's case file and publishes every change
 * on {@code ticket-lifecycle}.
 */
package cn.gov.xining.hotline.handling;
