package cn.gov.xining.hotline.routing.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param duplicateWindow how far back routing remembers decided ticket numbers, to route a ticket
 *     published twice only once; longer than any broker outage intake's outbox may have to bridge
 */
@ConfigurationProperties("hotline.routing.dispatch")
public record DispatchProperties(@DefaultValue("30d") Duration duplicateWindow) {}
