/**
 * The Idempotency-Key header of {@code POST /api/tickets}: a client that retries a request it got
 * no answer to gets the same ticket, not a second one. Keys live in intake's database, so a retry
 * after a restart is recognised too; a key whose request died unanswered is released after {@code
 * hotline.intake.idempotency.claim-timeout}.
 */
package cn.gov.xining.hotline.intake.idempotency;
