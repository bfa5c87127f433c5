/**
 * When a ticket is due (办理时限): the Chinese working-day calendar of public holidays and make-up
 * working days, loaded from {@code calendar/cn-working-days.yaml} and checked at start-up, and
 * {@link cn.gov.xining.hotline.routing.deadlines.Deadlines}, which turns a receipt time and a
 * topic's time limit in hours or working days into a due time in Asia/Shanghai. The package owns
 * the calendar data and the counting rules; it refuses to guess about years it has no data for.
 */
package cn.gov.xining.hotline.routing.deadlines;
