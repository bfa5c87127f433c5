package cn.gov.xining.hotline.security.input;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every service's limits on what a client sends (docs/api.md, "Every limit a client can meet").
 *
 * @param maxRequestSize the largest request body read, whether its length is declared or it comes
 *     in chunks (413 past it)
 * @param bodyReadTimeout how long a whole body may take to arrive (408 past it): a client sending a
 *     byte now and then cannot hold a request thread for longer
 * @param readTimeout the longest silence between two packets of a request, and the wait for the
 *     first one after connecting; the connection is closed past it
 * @param keepAliveTimeout how long an idle kept-alive connection stays open
 * @param maxConnections connections open at once; more wait in the operating system's backlog
 * @param maxHeaderSize the largest request line and headers (400 past it)
 */
@ConfigurationProperties("hotline.http")
public record HttpLimits(
    @DefaultValue("64KB") DataSize maxRequestSize,
    @DefaultValue("10s") Duration bodyReadTimeout,
    @DefaultValue("3s") Duration readTimeout,
    @DefaultValue("15s") Duration keepAliveTimeout,
    @DefaultValue("2000") int maxConnections,
    @DefaultValue("16KB") DataSize maxHeaderSize) {}
