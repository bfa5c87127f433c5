package cn.gov.xining.hotline.intake.tickets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publishTimeout how long the operator waits for the broker's acknowledgement before the API
 *     answers 503
 */
@ConfigurationProperties("hotline.intake")
public record IntakeProperties(@DefaultValue("10s") Duration publishTimeout) {}
