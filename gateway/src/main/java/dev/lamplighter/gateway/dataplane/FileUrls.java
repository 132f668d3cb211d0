package dev.lamplighter.gateway.dataplane;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned download URLs of the built-in file store: {@code
 * https://{host}:{port}/files/{bucket}/{key}?expires={epochSeconds}&signature={mac}}, the MAC an
 * HMAC-SHA256 over the bucket, key and expiry under a key of the server's own (derived from the
 * master key), so a URL cannot be forged, pointed at another object or extended, and stays valid
 * across restarts and nodes that share the master key.
 */
public final class FileUrls {
  static final String PATH_PREFIX = "/files/";

  private final byte[] key;
  private final String host;
  private final IntSupplier port;
  private final Clock clock;

  /**
   * @param key the signing key (32 bytes)
   * @param host the host name devices reach the data-plane listener at
   * @param port the listener's port (known once it is bound)
   */
  public FileUrls(byte[] key, String host, IntSupplier port, Clock clock) {
    this.key = key.clone();
    this.host = host;
    this.port = port;
    this.clock = clock;
  }

  /** A URL for {@code bucket/key} valid for {@code expiresIn} from now. */
  public String sign(String bucket, String objectKey, Duration expiresIn) {
    long expires = clock.instant().plus(expiresIn).getEpochSecond();
    return "https://"
        + host
        + ":"
        + port.getAsInt()
        + PATH_PREFIX
        + encodePath(bucket)
        + "/"
        + encodePath(objectKey)
        + "?expires="
        + expires
        + "&signature="
        + mac(bucket, objectKey, expires);
  }

  /** Why a request for an object is refused, or null when its URL is valid now. */
  String refusal(String bucket, String objectKey, String expires, String signature) {
    if (expires == null || signature == null) {
      return "the URL is not signed";
    }
    long at;
    try {
      at = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return "the URL's expiry is malformed";
    }
    byte[] expected = mac(bucket, objectKey, at).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return "the URL's signature does not match";
    }
    if (!clock.instant().isBefore(Instant.ofEpochSecond(at))) {
      return "the URL expired";
    }
    return null;
  }

  private String mac(String bucket, String objectKey, long expires) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          hmac.doFinal(
              (bucket + "\n" + objectKey + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static String encodePath(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }
}
