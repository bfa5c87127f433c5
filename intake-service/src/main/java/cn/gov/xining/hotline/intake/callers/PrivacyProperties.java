package cn.gov.xining.hotline.intake.callers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for callers' personal data, base64, 32 bytes each. There are none by default: the
 * development keys are in application-dev.yml (profile {@code dev}); production sets its own
 * (environment or a secret store), and intake does not start without them.
 *
 * @param encryptionKey AES-256 key for phone numbers and names at rest
 * @param hashKey HMAC-SHA256 key for the phone hash carried in events
 */
@ConfigurationProperties("hotline.intake.privacy")
public record PrivacyProperties(String encryptionKey, String hashKey) {}
