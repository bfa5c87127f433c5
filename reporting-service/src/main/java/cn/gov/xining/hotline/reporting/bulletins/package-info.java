/** The reports in a manager's words (the bulletins' Chinese text) and as files (CSV). */
package cn.gov.xining.hotline.reporting.bulletins;
