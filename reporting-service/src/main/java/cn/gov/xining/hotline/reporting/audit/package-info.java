/**
 * The auditor's view of {@code audit-trail}: who read personal data or changed anything, across all
 * services, for a span of days.
 */
package cn.gov.xining.hotline.reporting.audit;
