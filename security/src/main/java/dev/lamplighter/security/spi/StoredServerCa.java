package dev.lamplighter.security.spi;

import java.time.Instant;

/**
 * The server's own CA as stored: certificates in PEM, private keys sealed under the master key.
 *
 * @param rootPem the self-signed root certificate
 * @param issuingPem the issuing CA certificate, signed by the root
 * @param sealedRootKey the root's private key (PKCS#8), sealed
 * @param sealedIssuingKey the issuing CA's private key (PKCS#8), sealed
 * @param createdAt when the CA was created
 */
public record StoredServerCa(
    String rootPem,
    String issuingPem,
    byte[] sealedRootKey,
    byte[] sealedIssuingKey,
    Instant createdAt) {
  public StoredServerCa {
    sealedRootKey = sealedRootKey.clone();
    sealedIssuingKey = sealedIssuingKey.clone();
  }

  @Override
  public byte[] sealedRootKey() {
    return sealedRootKey.clone();
  }

  @Override
  public byte[] sealedIssuingKey() {
    return sealedIssuingKey.clone();
  }
}
