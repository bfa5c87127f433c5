package cn.gov.xining.hotline.intake.idempotency;

import cn.gov.xining.hotline.contract.EventJson;
import cn.gov.xining.hotline.contract.HotlineTime;
import cn.gov.xining.hotline.intake.outbox.Durability;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a request at most once per key: the first request with a key claims it, later ones with the
 * same body get the first one's answer, with another body a refusal, and while the first is still
 * running a conflict. A claim left without an answer for longer than {@code claim-timeout} was
 * abandoned (intake died while running it) and the next retry claims it again rather than being
 * refused for ever; if the dead request had already stored its ticket, the retry takes a second
 * one, as a retry without a key would.
 */
@Component
public class IdempotentRequests {

  static final int MAX_KEY_LENGTH = 200;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Durability durability;
  private final IdempotencyProperties properties;

  IdempotentRequests(
      JdbcClient jdbc, Clock clock, Durability durability, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.durability = durability;
    this.properties = properties;
  }

  /**
   * @param principal who sends it: a key is one client's, so another principal's same key is
   *     another request (it neither sees nor takes over the first one's answer)
   * @param clientKey the {@code Idempotency-Key} header
   */
  public <T> T once(
      String principal, String clientKey, Object request, Class<T> answerType, Supplier<T> action) {
    if (clientKey.isBlank() || clientKey.length() > MAX_KEY_LENGTH) {
      throw new InvalidIdempotencyKeyException();
    }
    String key = scoped(principal, clientKey);
    String fingerprint = fingerprint(request);
    try {
      jdbc.sql(
              "INSERT INTO idempotency_key (idem_key, fingerprint, created_at)"
                  + " VALUES (:key, :fingerprint, :now)")
          .param("key", key)
          .param("fingerprint", fingerprint)
          .param("now", HotlineTime.now(clock))
          .update();
    } catch (DuplicateKeyException seenBefore) {
      if (!claimAbandoned(key, fingerprint)) {
        return earlierAnswer(key, fingerprint, answerType);
      }
    }
    T answer;
    try {
      answer = action.get();
    } catch (RuntimeException failed) {
      // Nothing was accepted: the client may retry with the same key.
      jdbc.sql("DELETE FROM idempotency_key WHERE idem_key = :key").param("key", key).update();
      throw failed;
    }
    jdbc.sql("UPDATE idempotency_key SET answer = :answer WHERE idem_key = :key")
        .param("answer", EventJson.MAPPER.writeValueAsString(answer))
        .param("key", key)
        .update();
    // Lost in a crash, the key would answer "in progress" to every retry.
    durability.awaitDurable();
    return answer;
  }

  /**
   * Claims the key again if its request never answered within the claim timeout. One update, so of
   * several retries arriving together only one wins; the others see a request in progress.
   */
  private boolean claimAbandoned(String key, String fingerprint) {
    var now = HotlineTime.now(clock);
    return jdbc.sql(
                "UPDATE idempotency_key SET created_at = :now WHERE idem_key = :key"
                    + " AND fingerprint = :fingerprint AND answer IS NULL"
                    + " AND created_at < :abandonedBefore")
            .param("now", now)
            .param("key", key)
            .param("fingerprint", fingerprint)
            .param("abandonedBefore", now.minus(properties.claimTimeout()))
            .update()
        == 1;
  }

  private <T> T earlierAnswer(String key, String fingerprint, Class<T> answerType) {
    var row =
        jdbc.sql("SELECT fingerprint, answer FROM idempotency_key WHERE idem_key = :key")
            .param("key", key)
            .query((rs, i) -> new String[] {rs.getString("fingerprint"), rs.getString("answer")})
            .optional()
            .orElseThrow(RequestInProgressException::new); // deleted by a failing first request
    if (!row[0].equals(fingerprint)) {
      throw new IdempotencyKeyReusedException();
    }
    if (row[1] == null) {
      throw new RequestInProgressException();
    }
    return EventJson.MAPPER.readValue(row[1], answerType);
  }

  private static String fingerprint(Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  EventJson.MAPPER.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The stored key: the principal's and the client's together, hashed to the column's size. */
  static String scoped(String principal, String clientKey) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update(principal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(clientKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
