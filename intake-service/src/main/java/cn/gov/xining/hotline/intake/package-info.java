/**
 * intake-service accepts appeals from phone operators and web channels, validates them against the
 * catalog, gives each a ticket number to read to the caller and publishes it to {@code
 * tickets-received}. It is the only writer of that topic.
 */
package cn.gov.xining.hotline.intake;
