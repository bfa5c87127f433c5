package cn.gov.xining.hotline.routing.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the rules come from.
 *
 * @param location the default rule set, used until one is put over the API
 * @param activeFile this instance's copy of the last rule set it activated; it takes precedence
 *     over {@code location} when present, until {@code routing-rules} is read at start (see {@link
 *     RuleSetDistribution})
 */
@ConfigurationProperties("hotline.routing.rules")
public record RulesProperties(
    @DefaultValue("classpath:rules/xining-routing-rules.yaml") Resource location,
    Path activeFile) {}
