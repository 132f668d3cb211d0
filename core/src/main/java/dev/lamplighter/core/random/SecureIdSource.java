package dev.lamplighter.core.random;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids and bytes from a {@link SecureRandom} per thread. One shared instance would serialise every
 * request thread on its lock (the JDK's native generator reads {@code /dev/urandom} under a global
 * lock); a DRBG per thread is as strong and never waits.
 */
final class SecureIdSource implements IdSource {
  static final SecureIdSource INSTANCE = new SecureIdSource();

  private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureIdSource::drbg);

  private SecureIdSource() {}

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  @Override
  public UUID randomUuid() {
    byte[] bytes = new byte[16];
    random.get().nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (bytes[i] & 0xff);
      lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  @Override
  public void nextBytes(byte[] bytes) {
    random.get().nextBytes(bytes);
  }
}
