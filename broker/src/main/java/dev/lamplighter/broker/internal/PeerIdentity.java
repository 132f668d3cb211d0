package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.TransportIdentity;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who is on the other end of a channel, as far as the transport knows: the TLS certificate chain
 * the handshake verified possession of, the requested server name, the address, and for a channel
 * the embedder handed over, what its transport established (else null).
 */
record PeerIdentity(
    List<X509Certificate> certificates,
    String serverName,
    InetSocketAddress address,
    TransportIdentity transportIdentity) {

  /** A peer of the broker's own listener. */
  PeerIdentity(List<X509Certificate> certificates, String serverName, InetSocketAddress address) {
    this(certificates, serverName, address, null);
  }

  String ipAddress() {
    return address == null || address.getAddress() == null
        ? ""
        : address.getAddress().getHostAddress();
  }
}
