/**
 * The figures: reporting's one Kafka Streams topology folds each ticket (received, routed, handled)
 * into its facts and counts them per Asia/Shanghai day of receipt and per batch ({@link
 * cn.gov.xining.hotline.reporting.figures.FiguresTopology}); {@link
 * cn.gov.xining.hotline.reporting.figures.FigureSource} is what the reports read.
 */
package cn.gov.xining.hotline.reporting.figures;
