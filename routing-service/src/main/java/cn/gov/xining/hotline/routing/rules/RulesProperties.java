package cn.gov.xining.hotline.routing.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the rules come from.
 *
 * @param location the default rule set, used until one is put over the API
 * @param activeFile where a rule set put over the API is kept, so it survives a restart; it takes
 *     precedence over {@code location} when present
 */
@ConfigurationProperties("hotline.routing.rules")
public record RulesProperties(
    @DefaultValue("classpath:rules/xining-routing-rules.yaml") Resource location,
    Path activeFile) {}
