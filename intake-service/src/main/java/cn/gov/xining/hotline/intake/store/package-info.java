/** How intake makes its writes durable without a disk write per request. */
package cn.gov.xining.hotline.intake.store;
