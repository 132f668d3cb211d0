package dev.lamplighter.core.random;

import java.security.SecureRandom;
import java.util.UUID;

/** Ids and bytes from {@link SecureRandom}. */
final class SecureIdSource implements IdSource {
  static final SecureIdSource INSTANCE = new SecureIdSource();

  private final SecureRandom random = new SecureRandom();

  private SecureIdSource() {}

  @Override
  public UUID randomUuid() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
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
    random.nextBytes(bytes);
  }
}
