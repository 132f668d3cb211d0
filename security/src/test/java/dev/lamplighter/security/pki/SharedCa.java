package dev.lamplighter.security.pki;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One CA per test JVM: creating one generates two RSA 3072 keys, too slow to repeat in every test.
 * Tests that need their own clock restore it from its material, which is cheap.
 */
final class SharedCa {
  static final Instant CREATED = Instant.parse("2025-06-01T12:00:00Z");
  static final String ORGANIZATION = "Acme Test";

  private static CertificateAuthority created;

  private SharedCa() {}

  /** The CA as {@link CertificateAuthority#create} made it, at {@link #CREATED}. */
  static synchronized CertificateAuthority created() {
    if (created == null) {
      created =
          CertificateAuthority.create(
              ORGANIZATION, Clock.fixed(CREATED, ZoneOffset.UTC), new SecureRandom());
    }
    return created;
  }

  /** The same CA, restored to use {@code clock}. */
  static CertificateAuthority at(Clock clock) {
    return CertificateAuthority.restore(created().export(), clock, new SecureRandom());
  }
}
