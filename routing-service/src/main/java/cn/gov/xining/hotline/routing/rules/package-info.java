/**
 * Routing rules as configuration (派单规则): the YAML rule set, its validation against the catalog
 * before it becomes active, the rule set in force, its distribution to every routing instance over
 * the compacted {@code routing-rules} topic, the compiled form that answers which rule matches a
 * ticket and with which words (one pass over the text for all words of all rules), and the REST
 * endpoints to inspect and replace it. What follows from a match is the {@code engine}'s.
 */
package cn.gov.xining.hotline.routing.rules;
