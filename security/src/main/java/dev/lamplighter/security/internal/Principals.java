package dev.lamplighter.security.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.spi.CertificateRepository;

/** Resolves principal ARNs. Certificates are the only principals Lamplighter issues. */
final class Principals {
  private Principals() {}

  /**
   * The certificate a principal ARN names.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for anything but a
   *     certificate ARN; RESOURCE_NOT_FOUND for one of another scope or one that does not exist
   */
  static Certificate certificate(
      CertificateRepository certificates, Scope scope, String principal) {
    Arn arn = certificateArn(principal);
    if (!arn.scope().equals(scope)) {
      throw notFound(principal);
    }
    return certificates.find(scope, arn.name()).orElseThrow(() -> notFound(principal));
  }

  /** The ARN, when it names a certificate. */
  static Arn certificateArn(String principal) {
    return Arn.parse(principal)
        .filter(a -> a.type() == ResourceType.CERTIFICATE)
        .orElseThrow(
            () ->
                ErrorCode.INVALID_REQUEST.exception(
                    "%s is not a certificate ARN; certificates are the principals this server"
                        + " supports.",
                    principal));
  }

  static String arnOf(Scope scope, String certificateId) {
    return Arn.of(scope, ResourceType.CERTIFICATE, certificateId).toString();
  }

  private static RuntimeException notFound(String principal) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("The principal %s does not exist.", principal);
  }
}
