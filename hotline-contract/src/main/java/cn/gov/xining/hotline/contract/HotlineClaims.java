package cn.gov.xining.hotline.contract;

/**
 * The claims of an access token that the services read, besides the standard {@code sub} (the
 * principal: a user name or a system's client id) and {@code iss}. Any OpenID Connect provider that
 * issues these can sign in the hotline's staff and systems.
 */
public final class HotlineClaims {

  /** A JSON array of {@link HotlineRole} names, e.g. {@code ["UNIT"]}. */
  public static final String ROLES = "roles";

  /** The catalog unit code of a {@link HotlineRole#UNIT} principal, e.g. {@code hrss}. */
  public static final String UNIT = "unit";

  /**
   * The catalog channel code of a {@link HotlineRole#GATEWAY} principal, e.g. {@code
   * wechat-snapshot}.
   */
  public static final String CHANNEL = "channel";

  /** A display name, e.g. {@code 接线员 李娜}; for people, not for decisions. */
  public static final String NAME = "name";

  private HotlineClaims() {}
}
