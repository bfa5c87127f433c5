package cn.gov.xining.hotline.routing.rules;

import java.time.OffsetDateTime;

/**
 * A rule set as published on {@code routing-rules} under the key {@code active}: the text every
 * instance compiles for itself, and who changed it when.
 *
 * @param version the set's own version, as its YAML names it (for the log and the API)
 * @param source the YAML text, exactly as put
 * @param changedBy the rules administrator who put it (the token's subject)
 * @param changedAt when the instance that accepted it published it
 */
public record PublishedRuleSet(
    String version, String source, String changedBy, OffsetDateTime changedAt) {}
