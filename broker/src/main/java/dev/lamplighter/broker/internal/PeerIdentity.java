package dev.lamplighter.broker.internal;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who is on the other end of a channel, as far as the transport knows: the TLS certificate chain
 * the handshake verified possession of, the requested server name, and the address.
 */
record PeerIdentity(
    List<X509Certificate> certificates, String serverName, InetSocketAddress address) {

  String ipAddress() {
    return address == null || address.getAddress() == null
        ? ""
        : address.getAddress().getHostAddress();
  }
}
