package dev.lamplighter.security.spi;

import java.time.Instant;

/**
 * The server's TLS certificate as stored.
 *
 * @param chainPem the certificate followed by the issuing CA
 * @param sealedKey its private key (PKCS#8), sealed under the master key
 * @param hostNames the names and addresses it was issued for, comma-separated
 * @param notAfter end of validity
 */
public record StoredServerCertificate(
    String chainPem, byte[] sealedKey, String hostNames, Instant notAfter) {
  public StoredServerCertificate {
    sealedKey = sealedKey.clone();
  }

  @Override
  public byte[] sealedKey() {
    return sealedKey.clone();
  }
}
