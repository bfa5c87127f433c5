/**
 * The Chinese working-day calendar (工作日历): public holidays and make-up working days year by year,
 * loaded from {@code calendar/cn-working-days.yaml} and checked at load, shared so that routing's
 * deadlines and handling's deadline warnings count the same days. It answers which days are worked,
 * which day is the N-th working day after a date, and how much working time lies between two
 * instants (days in Asia/Shanghai); it refuses to guess about years it has no data for.
 */
package cn.gov.xining.hotline.catalog.calendar;
