package cn.gov.xining.hotline.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param auditedReads GET paths whose answers hold personal data, recorded like writes; {@code *}
 *     stands for one path segment, e.g. {@code /api/tickets/*}
 * @param auditRetention how long {@code audit-trail} keeps its entries
 * @param corsOrigins the web pages of other origins that may read this service's {@code /api/**}
 *     with a token (e.g. the managers' dashboard opening a case file); none by default
 */
@ConfigurationProperties("hotline.security")
public record SecurityProperties(
    @DefaultValue List<String> auditedReads,
    @DefaultValue("400d") Duration auditRetention,
    @DefaultValue List<String> corsOrigins) {}
