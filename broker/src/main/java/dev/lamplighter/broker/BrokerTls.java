package dev.lamplighter.broker;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The listener's TLS identity. The broker asks the supplier on each new connection and rebuilds its
 * TLS context only when the identity changed, so a renewed server certificate is used without a
 * restart. Clients must present a certificate; whether it is trusted is the {@link
 * dev.lamplighter.broker.extension.Authenticator}'s decision, made from the certificate the
 * handshake proved possession of.
 *
 * @param identity the current key and chain (leaf first), or null while none is ready (connections
 *     are then closed)
 */
public record BrokerTls(Supplier<Identity> identity) {
  public BrokerTls {
    Objects.requireNonNull(identity, "identity");
  }

  /** A private key and its certificate chain, leaf first. */
  public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public Identity {
      Objects.requireNonNull(key, "key");
      chain = List.copyOf(chain);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("a TLS identity needs its certificate");
      }
    }
  }
}
