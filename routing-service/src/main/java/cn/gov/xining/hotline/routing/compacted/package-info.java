/**
 * Routing's state shared through compacted topics ({@code routing-rules}, {@code routing-models},
 * {@code routing-examples}): how an instance reads such a topic whole at start and then follows it,
 * so that what one instance writes reaches every other within seconds. What the records mean is the
 * business of the package that reads them.
 */
package cn.gov.xining.hotline.routing.compacted;
