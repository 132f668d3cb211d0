package dev.lamplighter.security.internal;

import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;

/** Random account ids, access key ids and secrets in the formats AWS clients expect. */
final class KeyGenerator {
  private static final String KEY_ID_PREFIX = "LLAK";
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private final IdSource ids;

  KeyGenerator(IdSource ids) {
    this.ids = ids;
  }

  /** Twelve digits, the first not zero. */
  AccountId accountId() {
    char[] digits = new char[12];
    byte[] random = new byte[12];
    ids.nextBytes(random);
    for (int i = 0; i < 12; i++) {
      int digit = Math.floorMod(random[i], i == 0 ? 9 : 10);
      digits[i] = (char) ('0' + digit + (i == 0 ? 1 : 0));
    }
    return AccountId.of(new String(digits));
  }

  /** Twenty upper-case characters, like AWS's, with a prefix of its own. */
  String accessKeyId() {
    return KEY_ID_PREFIX + pick(BASE32, 16);
  }

  /** Forty characters of the base64 alphabet, like AWS's secret access keys. */
  String secretAccessKey() {
    return pick(SECRET_ALPHABET, 40);
  }

  private String pick(char[] alphabet, int length) {
    byte[] random = new byte[length];
    ids.nextBytes(random);
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[Math.floorMod(random[i], alphabet.length)];
    }
    return new String(out);
  }
}
