package cn.gov.xining.hotline.routing.triage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmWithin how long a manual dispatch may wait to read its ticket's partition of {@code
 *     tickets-triage} up to its own tombstone before it gives up and answers 503. Routing's own
 *     transactions there last one poll; only one a killed instance left open holds the reading
 *     longer: until that instance restarts, the same ticket is dispatched again, or the broker
 *     aborts it (transaction.timeout.ms, 20 s in application.yml)
 */
@ConfigurationProperties("hotline.routing.triage")
public record TriageProperties(@DefaultValue("10s") Duration confirmWithin) {}
