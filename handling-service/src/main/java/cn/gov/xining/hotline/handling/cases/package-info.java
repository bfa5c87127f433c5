/** The case file and the handling state machine, free of Kafka. */
package cn.gov.xining.hotline.handling.cases;
