package dev.lamplighter.tunnels.internal;

import dev.lamplighter.core.random.IdSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client access tokens: 256 random bits, base64url without padding, handed out once; the store
 * keeps only their SHA-256. A plain hash is enough (no salt, no slow KDF) because the tokens are
 * random, not chosen by people, and it keeps a token findable by its hash in one index lookup.
 */
final class AccessTokens {
  static final int TOKEN_BYTES = 32;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private AccessTokens() {}

  /** A new token in the clear. */
  static String newToken(IdSource ids) {
    byte[] bytes = new byte[TOKEN_BYTES];
    ids.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** The hash the store keeps of {@code token}: SHA-256 of its UTF-8 bytes, lower-case hex. */
  static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
