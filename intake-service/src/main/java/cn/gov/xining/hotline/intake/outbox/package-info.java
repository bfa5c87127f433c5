/**
 * Nothing accepted is lost. A ticket is stored in intake's database, leased to the request that
 * took it, and made to survive a killed process ({@link Durability}) before its number is given
 * out; the request then gives Kafka {@code publish-wait} to acknowledge it. If Kafka does not, or
 * the circuit breaker is open, the answer is {@code QUEUED}: the ticket is in the outbox, its row's
 * {@code relay_after} still set.
 *
 * <p>That column is a lease, for the producer's delivery timeout plus 2 s, while a send may still
 * succeed. A send that failed for certain (refused by the breaker, not handed to the producer,
 * rejected by the broker) releases the ticket at once. Once released or past its lease, the relay
 * of any intake instance sharing the database claims it, every {@code relay-interval} while the
 * breaker allows, with an UPDATE that re-checks the lease, so two relays never hold the same
 * ticket, and leases it again while it sends.
 *
 * <p>Kafka's acknowledgement (acks=all; the idempotent producer writes its own retries once) ends
 * the lease and makes the ticket {@code PUBLISHED}. Only an acknowledgement that is lost (in a
 * crash, or by a send given up on that did arrive) has the relay send the ticket again, under the
 * same number; readers of {@code tickets-received} take a repeated number as the same ticket, so
 * each ticket counts exactly once. {@link TicketOutbox} is the only writer of these columns; the
 * settings are {@link OutboxProperties}.
 */
package cn.gov.xining.hotline.intake.outbox;
