package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.ConnectionPolicies;
import dev.lamplighter.security.authorization.PolicyService;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateService;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.certificates.ScopedCertificate;
import dev.lamplighter.security.policy.PolicyEvaluator;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a certificate may hold a connection with a client id, decided from the registry alone:
 * the certificate is registered and ACTIVE, valid now, trusted ({@link IssuerCheck}), and its
 * policies allow iot:Connect on {@code client/{clientId}}. Asked on connect and again whenever the
 * registry changes under a live connection.
 *
 * <p>Threading: blocks on storage; never call it on an event loop.
 */
final class ConnectionCheck {
  private final CertificateService certificates;
  private final PolicyService policies;
  private final IssuerCheck issuers;
  private final Clock clock;

  ConnectionCheck(
      CertificateService certificates, PolicyService policies, IssuerCheck issuers, Clock clock) {
    this.certificates = certificates;
    this.policies = policies;
    this.issuers = issuers;
    this.clock = clock;
  }

  /** The outcome of a check. */
  sealed interface Verdict {}

  /** The connection may open (or stay open) under these policies. */
  record Allowed(Scope scope, String certificateId, ConnectionPolicies policies)
      implements Verdict {
    Allowed {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(policies, "policies");
    }
  }

  /** The connection may not open (or must close), with the reason for the event log. */
  record Denied(String detail) implements Verdict {}

  /**
   * Checks a certificate presented on connect, wherever it is registered.
   *
   * @param sourceIp the client's IP address, {@code aws:SourceIp} for its policies, or null
   */
  Verdict admit(String certificateId, String clientId, String sourceIp) {
    Optional<ScopedCertificate> found = certificates.findForConnection(certificateId);
    if (found.isEmpty()) {
      return new Denied("certificate " + certificateId + " is not registered");
    }
    return trusted(found.get().scope(), found.get().certificate(), clientId, sourceIp, true);
  }

  /** Checks again a live connection's certificate in the scope it connected to. */
  Verdict recheck(Scope scope, String certificateId, String clientId, String sourceIp) {
    Certificate certificate;
    try {
      certificate = certificates.describe(scope, certificateId);
    } catch (ServiceException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return new Denied("certificate " + certificateId + " was deleted");
      }
      throw e;
    }
    return trusted(scope, certificate, clientId, sourceIp, true);
  }

  /**
   * Checks a certificate presented with an HTTPS request, wherever it is registered: as on connect,
   * without iot:Connect, and with the thing the request names standing for the client id (so policy
   * variables of the thing resolve when it is attached to the certificate).
   */
  Verdict admitRequest(String certificateId, String thingName) {
    Optional<ScopedCertificate> found = certificates.findForConnection(certificateId);
    if (found.isEmpty()) {
      return new Denied("certificate " + certificateId + " is not registered");
    }
    return trusted(found.get().scope(), found.get().certificate(), thingName, null, false);
  }

  private Verdict trusted(
      Scope scope, Certificate certificate, String clientId, String sourceIp, boolean connecting) {
    String id = certificate.certificateId();
    if (certificate.status() != CertificateStatus.ACTIVE) {
      return new Denied("certificate " + id + " is " + certificate.status());
    }
    Instant now = clock.instant();
    if (certificate.notBefore() != null && now.isBefore(certificate.notBefore())) {
      return new Denied("certificate " + id + " is not valid before " + certificate.notBefore());
    }
    if (certificate.notAfter() != null && now.isAfter(certificate.notAfter())) {
      return new Denied("certificate " + id + " expired at " + certificate.notAfter());
    }
    Optional<String> untrusted = issuers.problem(scope, certificate);
    if (untrusted.isPresent()) {
      return new Denied("certificate " + id + ": " + untrusted.get());
    }
    ConnectionPolicies connection = policies.connectionPolicies(scope, id, clientId, sourceIp);
    if (!connecting) {
      return new Allowed(scope, id, connection);
    }
    String resource = new Resources(scope).client(clientId);
    boolean allowed =
        PolicyEvaluator.evaluate(
                connection.policies(), "iot:Connect", resource, connection.context())
            .allowed();
    if (!allowed) {
      return new Denied("iot:Connect on " + resource + " is not allowed for certificate " + id);
    }
    return new Allowed(scope, id, connection);
  }
}
