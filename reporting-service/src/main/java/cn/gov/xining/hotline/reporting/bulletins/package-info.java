/**
 * The reports in a manager's words and as files: the bulletins' Chinese text, CSV, Excel workbooks
 * (.xlsx, {@code Workbooks}) and pages to print on A4 ({@code PrintPages}), all laid out from the
 * same tables ({@code ReportTables}) in the bulletins' vocabulary.
 */
package cn.gov.xining.hotline.reporting.bulletins;
