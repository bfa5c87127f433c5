package cn.gov.xining.hotline.intake.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param claimTimeout how long a claimed key without an answer counts as "in progress"; after that
 *     its request is taken as abandoned (intake died while running it) and a retry may claim the
 *     key again. Well beyond what a request that is only slow can take (the connection pool's 30 s
 *     for each of its few database steps, the 2 s publish wait): a slow request taken over would
 *     give a second ticket for one key.
 */
@ConfigurationProperties("hotline.intake.idempotency")
record IdempotencyProperties(@DefaultValue("5m") Duration claimTimeout) {}
