/**
 * Nothing accepted is lost: a ticket is stored in intake's database (the outbox) before its number
 * is given out, handed to Kafka while the operator waits when the broker is healthy, and otherwise
 * by the relay as soon as the broker is back. A circuit breaker decides when to stop trying the
 * broker and when to try again.
 */
package cn.gov.xining.hotline.intake.outbox;
