/**
 * Routing rules as configuration (派单规则): the YAML rule set, its validation against the catalog
 * before it becomes active, the compiled form evaluated for every ticket (one pass over the text
 * for all words of all rules), the engine that turns the first matching rule into a decision with
 * its deadline and explanation, and the REST endpoints to inspect, replace and dry-run rules.
 */
package cn.gov.xining.hotline.routing.rules;
