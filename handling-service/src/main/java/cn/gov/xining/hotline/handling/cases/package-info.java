/** The case file, how far it may grow, and the handling state machine, free of Kafka. */
package cn.gov.xining.hotline.handling.cases;
