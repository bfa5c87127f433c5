/**
 * Ticket numbers (工单编号): short, readable aloud, unique across intake instances and restarts. The
 * per-day counter lives in intake's database; numbers are reserved in blocks so the database is
 * touched once per block, not once per ticket.
 */
package cn.gov.xining.hotline.intake.numbering;
