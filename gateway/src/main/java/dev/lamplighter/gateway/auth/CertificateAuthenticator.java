package dev.lamplighter.gateway.auth;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.gateway.auth.ConnectionCheck.Allowed;
import dev.lamplighter.gateway.auth.ConnectionCheck.Denied;
import dev.lamplighter.gateway.auth.ConnectionCheck.Verdict;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates MQTT connections by their client certificate, as AWS IoT does with X.509 mutual
 * TLS. The TLS handshake proved that the client holds the key of its leaf certificate; this class
 * decides whether that certificate may connect: it is found in the registry by its certificate id
 * (in any scope: the scope it is registered in becomes the connection's namespace), it must be
 * ACTIVE, valid now and trusted (see {@link IssuerCheck}), and its policies must allow iot:Connect
 * on {@code client/{clientId}}. Every refusal is NOT_AUTHORIZED, as AWS answers, with the real
 * reason in the event log only.
 *
 * <p>The accepted connection is listed in {@link LiveConnections} with its {@link PolicyAuthority},
 * which {@link RegistryChangeFollower} keeps current.
 *
 * <p>Threading: called on the broker's authentication executor; blocks on storage.
 */
public final class CertificateAuthenticator implements Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthenticator.class);

  private final ConnectionCheck check;
  private final LiveConnections connections;

  CertificateAuthenticator(ConnectionCheck check, LiveConnections connections) {
    this.check = check;
    this.connections = connections;
  }

  @Override
  public Authentication authenticate(ConnectRequest request) {
    if (request.peerCertificates().isEmpty()) {
      return refuse(request, "no client certificate was presented");
    }
    X509Certificate leaf = request.peerCertificates().get(0);
    String certificateId;
    try {
      certificateId = CertificateIds.of(leaf);
    } catch (IllegalArgumentException e) {
      return refuse(request, "the client certificate cannot be encoded");
    }
    try {
      return admit(request, certificateId);
    } catch (RuntimeException e) {
      LOG.error(
          "Authenticating [{}] with certificate [{}] failed", request.clientId(), certificateId, e);
      return Authentication.refused(
          ConnectRefusal.SERVER_UNAVAILABLE, "authentication failed: " + e.getMessage());
    }
  }

  private Authentication admit(ConnectRequest request, String certificateId) {
    String clientId = request.clientId();
    String sourceIp = sourceIp(request.remoteAddress());
    Verdict verdict = check.admit(certificateId, clientId, sourceIp);
    if (verdict instanceof Denied denied) {
      return refuse(request, denied.detail());
    }
    Allowed allowed = (Allowed) verdict;
    long changesBefore = connections.changeCount(allowed.scope());
    PolicyAuthority authority = new PolicyAuthority(allowed.scope(), allowed.policies());
    String namespace = Namespaces.of(allowed.scope());
    LiveConnection connection =
        new LiveConnection(
            namespace, allowed.scope(), certificateId, clientId, sourceIp, authority);
    connections.admit(connection);
    if (connections.changeCount(allowed.scope()) != changesBefore) {
      // The registry changed while the policies were loading: load them again now that the
      // change follower will also see this connection for any later change.
      Verdict again = check.recheck(allowed.scope(), certificateId, clientId, sourceIp);
      if (again instanceof Denied denied) {
        connections.remove(connection);
        return refuse(request, denied.detail());
      }
      authority.replace(((Allowed) again).policies());
    }
    LOG.info("Accepted [{}] in [{}] with certificate [{}]", clientId, namespace, certificateId);
    return Authentication.accepted(namespace, certificateId, authority);
  }

  /**
   * The client's IP address as {@code aws:SourceIp} holds it: the literal without an IPv6 zone, and
   * an IPv4-mapped IPv6 address as the IPv4 address it stands for.
   */
  static String sourceIp(InetSocketAddress remote) {
    if (remote == null || remote.getAddress() == null) {
      return null;
    }
    InetAddress address = remote.getAddress();
    if (address instanceof Inet6Address v6 && isIpv4Mapped(v6.getAddress())) {
      byte[] bytes = v6.getAddress();
      return (bytes[12] & 0xff)
          + "."
          + (bytes[13] & 0xff)
          + "."
          + (bytes[14] & 0xff)
          + "."
          + (bytes[15] & 0xff);
    }
    String literal = address.getHostAddress();
    int zone = literal.indexOf('%');
    return zone < 0 ? literal : literal.substring(0, zone);
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static Authentication refuse(ConnectRequest request, String detail) {
    LOG.info("Refused [{}] from [{}]: {}", request.clientId(), request.remoteAddress(), detail);
    return Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, detail);
  }
}
