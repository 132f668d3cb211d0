package dev.lamplighter.gateway.auth;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.gateway.auth.ConnectionCheck.Allowed;
import dev.lamplighter.gateway.auth.ConnectionCheck.Denied;
import dev.lamplighter.gateway.auth.ConnectionCheck.Verdict;
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
    Verdict verdict = check.admit(certificateId, clientId);
    if (verdict instanceof Denied denied) {
      return refuse(request, denied.detail());
    }
    Allowed allowed = (Allowed) verdict;
    long changesBefore = connections.changeCount(allowed.scope());
    PolicyAuthority authority = new PolicyAuthority(allowed.scope(), allowed.policies());
    String namespace = Namespaces.of(allowed.scope());
    LiveConnection connection =
        new LiveConnection(namespace, allowed.scope(), certificateId, clientId, authority);
    connections.admit(connection);
    if (connections.changeCount(allowed.scope()) != changesBefore) {
      // The registry changed while the policies were loading: load them again now that the
      // change follower will also see this connection for any later change.
      Verdict again = check.recheck(allowed.scope(), certificateId, clientId);
      if (again instanceof Denied denied) {
        connections.remove(connection);
        return refuse(request, denied.detail());
      }
      authority.replace(((Allowed) again).policies());
    }
    LOG.info("Accepted [{}] in [{}] with certificate [{}]", clientId, namespace, certificateId);
    return Authentication.accepted(namespace, certificateId, authority);
  }

  private static Authentication refuse(ConnectRequest request, String detail) {
    LOG.info("Refused [{}] from [{}]: {}", request.clientId(), request.remoteAddress(), detail);
    return Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, detail);
  }
}
