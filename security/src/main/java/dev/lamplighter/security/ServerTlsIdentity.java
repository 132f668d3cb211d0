package dev.lamplighter.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The server's TLS identity for its device-facing listeners, opened from the store: the private key
 * (unsealed in memory only) and the certificate chain, leaf first.
 */
public record ServerTlsIdentity(PrivateKey key, List<X509Certificate> chain) {
  public ServerTlsIdentity {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
  }
}
