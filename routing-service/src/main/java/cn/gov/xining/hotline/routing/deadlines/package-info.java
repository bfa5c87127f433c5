/**
 * When a ticket is due (办理时限): {@link cn.gov.xining.hotline.routing.deadlines.Deadlines} turns a
 * receipt time and a topic's time limit in hours or working days into a due time in Asia/Shanghai,
 * counting working days on the shared working calendar ({@code hotline-catalog}), which is loaded
 * and checked here at start-up. The package owns the counting rules; a working-day limit that
 * reaches a year the calendar has no data for is refused, not guessed.
 */
package cn.gov.xining.hotline.routing.deadlines;
