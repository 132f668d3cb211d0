package dev.lamplighter.gateway.websocket;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.gateway.Namespaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates the broker's connections by how they arrived: one whose WebSocket upgrade was
 * signed ({@link SignedCaller}) is accepted into the signer's account and region with the rights
 * the access key has on the API, which today are all rights in its account (IAM policies are not
 * evaluated), so it may publish, subscribe and receive on any topic the reserved topics allow;
 * every other connection goes to the certificate authenticator.
 *
 * <p>The signature was checked at the upgrade, against the clock of that moment, as AWS IoT does: a
 * connection outlives its signature's expiry, and deactivating the access key does not close it.
 *
 * <p>Threading: the broker's authentication executor.
 */
public final class SignedCallers implements Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(SignedCallers.class);

  private final Authenticator certificates;

  /** Authenticates signed WebSocket connections, and others with {@code certificates}. */
  public SignedCallers(Authenticator certificates) {
    this.certificates = certificates;
  }

  @Override
  public Authentication authenticate(ConnectRequest request) {
    if (request.transportIdentity() == null) {
      return certificates.authenticate(request);
    }
    if (!(request.transportIdentity() instanceof SignedCaller caller)) {
      return Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, "an unknown transport identity");
    }
    String namespace = Namespaces.of(caller.scope());
    LOG.info(
        "Accepted [{}] in [{}] over WebSocket signed by [{}]",
        request.clientId(),
        namespace,
        caller.accessKeyId());
    return Authentication.accepted(namespace, caller.accessKeyId(), ConnectionAuthority.allowAll());
  }
}
