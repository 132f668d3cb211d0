package dev.lamplighter.testkit;

import dev.lamplighter.core.random.IdSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Ids that count up from 1, so tests can predict them. */
public final class SequentialIdSource implements IdSource {
  private final AtomicLong counter = new AtomicLong();

  @Override
  public UUID randomUuid() {
    return new UUID(0x4000L, 0x8000_0000_0000_0000L | counter.incrementAndGet());
  }

  @Override
  public void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) counter.incrementAndGet();
    }
  }
}
