/**
 * The reports drawn up from the figures by the published formulas (docs/api.md, "Report formulas"):
 * 日报, 周报, any period, breakdown by district, topic and unit, batches, the trend.
 */
package cn.gov.xining.hotline.reporting.reports;
