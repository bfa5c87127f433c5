package cn.gov.xining.hotline.intake.callers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for callers' personal data, base64, 32 bytes each. The defaults in application.yml are for a
 * development machine only; production sets its own (environment or a secret store).
 *
 * @param encryptionKey AES-256 key for phone numbers and names at rest
 * @param hashKey HMAC-SHA256 key for the phone hash carried in events
 */
@ConfigurationProperties("hotline.intake.privacy")
public record PrivacyProperties(String encryptionKey, String hashKey) {}
