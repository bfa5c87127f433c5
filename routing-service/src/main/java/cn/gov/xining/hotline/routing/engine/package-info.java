/**
 * How a ticket is decided (docs/routing.md): {@link cn.gov.xining.hotline.routing.engine.Router}
 * runs small steps in order, each with one job and a test of its own: the district ({@code
 * DistrictStep}), the first matching rule of the rule set in force ({@code RuleStep}), the learned
 * fallback when none matches ({@code ModelStep}), the operator's topic against the content ({@code
 * OperatorChoice}), the due time on the working calendar ({@code DeadlineStep}). {@code
 * DecisionWriter} is the one place that turns the outcome into a decision and its reason; {@code
 * TriageReason} names every way to triage. Also the dry run, which shows a decision without
 * publishing it. The rule set itself is the {@code rules} package's; this one only asks it.
 */
package cn.gov.xining.hotline.routing.engine;
