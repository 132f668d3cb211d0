package dev.lamplighter.gateway.auth;

import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.security.pki.ParsedCertificate;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** Connect requests as the broker builds them after a TLS handshake. */
final class Devices {
  private Devices() {}

  static ConnectRequest connect(String clientId, String certificatePem) {
    return connect(clientId, ParsedCertificate.parse(certificatePem).x509());
  }

  static ConnectRequest connect(String clientId, X509Certificate certificate) {
    return new ConnectRequest(
        clientId,
        ProtocolVersion.MQTT_3_1_1,
        true,
        60,
        null,
        List.of(certificate),
        new InetSocketAddress("192.0.2.10", 50_000),
        null,
        Optional.empty());
  }
}
