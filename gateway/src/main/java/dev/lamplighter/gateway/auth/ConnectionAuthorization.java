package dev.lamplighter.gateway.auth;

import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.security.authorization.PolicyService;
import dev.lamplighter.security.certificates.CaCertificateService;
import dev.lamplighter.security.certificates.CertificateService;
import dev.lamplighter.security.pki.CertificateAuthority;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Certificate authentication and policy authorization of MQTT connections, assembled: the {@link
 * Authenticator} the broker calls on connect, the registry of {@link LiveConnections} (also the
 * broker's lifecycle listener for them), and the {@link RegistryChangeFollower} that keeps their
 * rights current.
 */
public final class ConnectionAuthorization implements AutoCloseable {
  private final LiveConnections connections = new LiveConnections();
  private final CertificateAuthenticator authenticator;
  private final DeviceRequests requests;
  private final RegistryChangeFollower follower;

  private ConnectionAuthorization(
      ConnectionCheck check,
      ChangeLog log,
      RegistryChangeFollower.Disconnector disconnector,
      Duration pollInterval) {
    this.authenticator = new CertificateAuthenticator(check, connections);
    this.requests = new DeviceRequests(check);
    this.follower = new RegistryChangeFollower(log, connections, check, disconnector, pollInterval);
  }

  /**
   * Builds the parts; {@link #start} starts following the change log.
   *
   * @param serverCa the server's CA, asked on connect for certificates it may have issued (may
   *     block until the CA is loaded)
   * @param disconnector closes a live connection that no longer passes its checks
   * @param pollInterval how long the follower waits when the log has nothing new
   */
  public static ConnectionAuthorization create(
      CertificateService certificates,
      CaCertificateService caCertificates,
      PolicyService policies,
      Supplier<CertificateAuthority> serverCa,
      ChangeLog log,
      RegistryChangeFollower.Disconnector disconnector,
      Clock clock,
      Duration pollInterval) {
    ConnectionCheck check =
        new ConnectionCheck(
            certificates, policies, new IssuerCheck(caCertificates, serverCa), clock);
    return new ConnectionAuthorization(check, log, disconnector, pollInterval);
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** Authorization of devices' HTTPS requests by their certificates. */
  public DeviceRequests requests() {
    return requests;
  }

  public LiveConnections connections() {
    return connections;
  }

  RegistryChangeFollower follower() {
    return follower;
  }

  /** Starts following the change log from its head. */
  public void start() {
    follower.start();
  }

  @Override
  public void close() {
    follower.close();
  }
}
