package dev.lamplighter.core.page;

import dev.lamplighter.core.error.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a listing cursor into an opaque {@code nextToken} and back.
 *
 * <p>A token is {@code base64(version | cursor | mac)} (standard alphabet, as AWS's {@code marker}
 * pattern requires; {@link #urlSafe()} writes the URL-safe one, as IoTSecuredTunneling's {@code
 * nextToken} pattern requires; both alphabets are read), where the MAC (HMAC-SHA256, truncated to
 * 16 bytes) covers the cursor and a binding string: the operation, the caller's scope and the
 * listing's filters. A token that was altered, or is replayed against another operation, caller or
 * filter, fails the MAC check and is refused as an invalid token. The key comes from the server's
 * master key, so tokens stay valid across restarts.
 */
public final class PageTokenCodec {
  private static final byte VERSION = 1;
  private static final int MAC_LENGTH = 16;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Base64.Encoder encoder;

  public PageTokenCodec(byte[] key) {
    this(new SecretKeySpec(checked(key).clone(), ALGORITHM), Base64.getEncoder());
  }

  private PageTokenCodec(SecretKeySpec key, Base64.Encoder encoder) {
    this.key = key;
    this.encoder = encoder;
  }

  private static byte[] checked(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("a page token key has at least 16 bytes");
    }
    return key;
  }

  /** The same tokens written in the URL-safe alphabet ({@code -} and {@code _}). */
  public PageTokenCodec urlSafe() {
    return new PageTokenCodec(key, Base64.getUrlEncoder());
  }

  /** The token for resuming after {@code cursor} in the listing described by {@code binding}. */
  public String encode(String binding, String cursor) {
    byte[] cursorBytes = cursor.getBytes(StandardCharsets.UTF_8);
    byte[] mac = mac(binding, cursorBytes);
    ByteBuffer buffer = ByteBuffer.allocate(1 + cursorBytes.length + MAC_LENGTH);
    buffer.put(VERSION).put(cursorBytes).put(mac);
    return encoder.encodeToString(buffer.array());
  }

  /**
   * The cursor inside {@code token}.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST when the token is not one
   *     this server issued for the same binding
   */
  public String decode(String binding, String token) {
    byte[] raw;
    try {
      boolean urlSafe = token.indexOf('-') >= 0 || token.indexOf('_') >= 0;
      raw = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (raw.length < 1 + MAC_LENGTH || raw[0] != VERSION) {
      throw invalid();
    }
    byte[] cursorBytes = Arrays.copyOfRange(raw, 1, raw.length - MAC_LENGTH);
    byte[] mac = Arrays.copyOfRange(raw, raw.length - MAC_LENGTH, raw.length);
    if (!MessageDigest.isEqual(mac, mac(binding, cursorBytes))) {
      throw invalid();
    }
    return new String(cursorBytes, StandardCharsets.UTF_8);
  }

  private byte[] mac(String binding, byte[] cursorBytes) {
    try {
      Mac hmac = Mac.getInstance(ALGORITHM);
      hmac.init(key);
      byte[] bindingBytes = binding.getBytes(StandardCharsets.UTF_8);
      hmac.update(ByteBuffer.allocate(4).putInt(bindingBytes.length).array());
      hmac.update(bindingBytes);
      hmac.update(cursorBytes);
      return Arrays.copyOf(hmac.doFinal(), MAC_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static RuntimeException invalid() {
    return ErrorCode.INVALID_REQUEST.exception("The nextToken is not valid for this request.");
  }
}
