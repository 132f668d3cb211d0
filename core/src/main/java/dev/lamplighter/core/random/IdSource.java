package dev.lamplighter.core.random;

import java.util.UUID;

/** Where domain code takes random ids and bytes from. Implementations are thread-safe. */
public interface IdSource {

  UUID randomUuid();

  /** Fills {@code bytes} with random bytes. */
  void nextBytes(byte[] bytes);

  /** The default source, backed by {@link java.security.SecureRandom}. */
  static IdSource secure() {
    return SecureIdSource.INSTANCE;
  }
}
