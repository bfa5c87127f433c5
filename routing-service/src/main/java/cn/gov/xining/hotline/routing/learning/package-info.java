/**
 * Learning from the dispatchers (issue 16): every manual dispatch from triage is a labelled example
 * on the compacted {@code routing-examples} topic; a new version of the topic model is trained on
 * the shipped files plus the examples, evaluated on a held-back share of them and on an evaluation
 * set, and becomes the active one only if it is not worse; versions can be rolled back, and every
 * decision names the version it was made with. Every version is published on the compacted {@code
 * routing-models} topic, from which a start restores them, the active one retrained on its examples
 * before the first ticket is decided; every instance follows it from there, so a version trained or
 * activated on one instance becomes active on all.
 */
package cn.gov.xining.hotline.routing.learning;
