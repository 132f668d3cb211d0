package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.auth.ConnectionCheck.Denied;
import dev.lamplighter.gateway.auth.ConnectionCheck.Verdict;
import dev.lamplighter.security.policy.PolicyEvaluator;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Authorizes a device's HTTPS request by its client certificate, as AWS IoT's TLS endpoints do: the
 * certificate must be registered, ACTIVE, valid and trusted, and its policies (with those of its
 * thing's groups) must allow the request's action on the thing's ARN. The request's thing stands
 * for the client id in the policies' variables.
 *
 * <p>Threading: blocks on storage; never call it on an event loop.
 */
public final class DeviceRequests {
  private final ConnectionCheck check;

  DeviceRequests(ConnectionCheck check) {
    this.check = check;
  }

  /** The outcome of {@link #authorize}. */
  public sealed interface Decision {}

  /** The request may be served in {@code scope}, the certificate's account and region. */
  public record Allowed(Scope scope) implements Decision {
    public Allowed {
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** The certificate is not one the server accepts. */
  public record UntrustedCertificate(String detail) implements Decision {}

  /** The certificate's policies do not allow the action. */
  public record Forbidden(String detail) implements Decision {}

  /**
   * @param actions the action and its alternative names (AWS accepts {@code iot:X} and {@code
   *     iotjobsdata:X}); any one allowed suffices
   */
  public Decision authorize(X509Certificate leaf, String thingName, String... actions) {
    String certificateId;
    try {
      certificateId = CertificateIds.of(leaf);
    } catch (IllegalArgumentException e) {
      return new UntrustedCertificate("the client certificate cannot be encoded");
    }
    Verdict verdict = check.admitRequest(certificateId, thingName);
    if (verdict instanceof Denied denied) {
      return new UntrustedCertificate(denied.detail());
    }
    ConnectionCheck.Allowed allowed = (ConnectionCheck.Allowed) verdict;
    String resource =
        "arn:aws:iot:"
            + allowed.scope().region().value()
            + ":"
            + allowed.scope().account().value()
            + ":thing/"
            + thingName;
    for (String action : actions) {
      if (PolicyEvaluator.evaluate(
              allowed.policies().policies(), action, resource, allowed.policies().context())
          .allowed()) {
        return new Allowed(allowed.scope());
      }
    }
    return new Forbidden(
        actions[0] + " on " + resource + " is not allowed for certificate " + certificateId);
  }
}
