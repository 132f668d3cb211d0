package dev.lamplighter.api.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and HMAC-SHA256, the two primitives of AWS4-HMAC-SHA256. */
final class Hashing {
  static final String HMAC_SHA256 = "HmacSHA256";

  /** SHA-256 of no bytes, the payload hash of a request without a body. */
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // One instance per thread: looking up a provider for every request costs more than hashing.
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Hashing::newMac);
  private static final ThreadLocal<MessageDigest> DIGESTS =
      ThreadLocal.withInitial(Hashing::newDigest);

  private Hashing() {}

  static String sha256Hex(byte[] data) {
    if (data.length == 0) {
      return EMPTY_SHA256;
    }
    return hex(sha256().digest(data));
  }

  static String sha256Hex(String text) {
    return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The calling thread's HMAC, keyed with {@code key}; use it before calling here again. */
  static Mac hmac(SecretKeySpec key) {
    try {
      Mac mac = MACS.get();
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(HMAC_SHA256);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }

  static byte[] hmac(byte[] key, String data) {
    return hmac(new SecretKeySpec(key, HMAC_SHA256)).doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex, as SigV4 writes hashes and signatures. */
  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  private static MessageDigest sha256() {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    return digest;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
