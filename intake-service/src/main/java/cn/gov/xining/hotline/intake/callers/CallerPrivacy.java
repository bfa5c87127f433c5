package cn.gov.xining.hotline.intake.callers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** Masking, keyed hashing and encryption of callers' phone numbers and names. */
@Component
public class CallerPrivacy {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec hashKey;

  // Per thread: a shared SecureRandom and the JCA lookups per call were a tenth of intake's CPU
  // at 2,000 tickets/s (docs/benchmarks.md).
  private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);
  private final ThreadLocal<Mac> mac;
  private final ThreadLocal<Cipher> cipher = ThreadLocal.withInitial(() -> uncheckedCipher());

  public CallerPrivacy(PrivacyProperties properties) {
    this.encryptionKey =
        new SecretKeySpec(key(properties.encryptionKey(), "encryption-key"), "AES");
    this.hashKey = new SecretKeySpec(key(properties.hashKey(), "hash-key"), "HmacSHA256");
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                var keyed = Mac.getInstance("HmacSHA256");
                keyed.init(hashKey);
                return keyed;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
              }
            });
  }

  /**
   * {@code 13812345678} → {@code 138****5678}; a landline keeps its area code and last 4 digits.
   */
  public static String mask(String phone) {
    String digits = normalise(phone);
    if (digits.length() <= 7) {
      return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** The same for every way of writing one number; not reversible without the key. */
  public String hash(String phone) {
    byte[] digest = mac.get().doFinal(normalise(phone).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  public String encrypt(String clear) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.get().nextBytes(iv);
      var aes = cipher.get();
      aes.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = aes.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  public String decrypt(String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(
          cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt a stored caller detail", e);
    }
  }

  private static Cipher uncheckedCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Digits only, without the +86 country code: the number as the hotline dials it. */
  static String normalise(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
  }

  private static byte[] key(String base64, String name) {
    if (base64 == null) {
      throw new IllegalStateException(
          "hotline.intake.privacy."
              + name
              + " is not set: give intake its own key (HOTLINE_INTAKE_PRIVACY_"
              + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
              + ", 32 random bytes, base64), or start with --spring.profiles.active=dev on a"
              + " developer's machine for the development keys");
    }
    byte[] key = Base64.getDecoder().decode(base64);
    if (key.length != 32) {
      throw new IllegalStateException(
          "hotline.intake.privacy." + name + " must be 32 bytes, base64; it is " + key.length);
    }
    return key;
  }
}
