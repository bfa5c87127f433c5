package cn.gov.xining.hotline.intake.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param claimTimeout how long a claimed key without an answer counts as "in progress"; after that
 *     its request is taken as abandoned (intake died while running it) and a retry may claim the
 *     key again. Longer than a request can take: one that waits the connection pool's full 30 s for
 *     the database and then the 2 s publish wait still answers well within a minute.
 */
@ConfigurationProperties("hotline.intake.idempotency")
record IdempotencyProperties(@DefaultValue("60s") Duration claimTimeout) {}
