package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.CaCertificate;
import dev.lamplighter.security.certificates.CaCertificateService;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.security.pki.ParsedCertificate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the issuer of a registered device certificate is trusted now, read from the registry on
 * every connection (no trust-store file: a CA registered a second ago is trusted at once, one set
 * INACTIVE is not). A certificate is trusted when it was
 *
 * <ul>
 *   <li>registered with a CA certificate that is still registered and ACTIVE in its scope, and
 *       whose key verifies the certificate's signature;
 *   <li>registered without a CA (RegisterCertificateWithoutCA, AWS's SNI_ONLY / multi-account
 *       mode): the registration itself is the trust;
 *   <li>otherwise, issued by the server's own CA (CreateKeysAndCertificate, CSR signing).
 * </ul>
 */
final class IssuerCheck {
  private final CaCertificateService caCertificates;
  private final Supplier<CertificateAuthority> serverCa;

  IssuerCheck(CaCertificateService caCertificates, Supplier<CertificateAuthority> serverCa) {
    this.caCertificates = caCertificates;
    this.serverCa = serverCa;
  }

  /** Why the certificate is not trusted, or empty when it is. */
  Optional<String> problem(Scope scope, Certificate certificate) {
    if (certificate.caCertificateId() != null) {
      return registeredCaProblem(scope, certificate);
    }
    if (certificate.mode() == CertificateMode.SNI_ONLY) {
      return Optional.empty();
    }
    ParsedCertificate parsed = ParsedCertificate.parse(certificate.pem());
    CertificateAuthority ca = serverCa.get();
    if (parsed.isIssuedBy(ca.issuingCertificate()) || parsed.isIssuedBy(ca.rootCertificate())) {
      return Optional.empty();
    }
    return Optional.of("not issued by the server's CA");
  }

  private Optional<String> registeredCaProblem(Scope scope, Certificate certificate) {
    String caId = certificate.caCertificateId();
    CaCertificate ca;
    try {
      ca = caCertificates.describe(scope, caId);
    } catch (ServiceException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return Optional.of("its CA certificate " + caId + " is no longer registered");
      }
      throw e;
    }
    if (ca.status() != CaCertificateStatus.ACTIVE) {
      return Optional.of("its CA certificate " + caId + " is " + ca.status());
    }
    if (!ParsedCertificate.parse(certificate.pem()).isIssuedBy(ParsedCertificate.parse(ca.pem()))) {
      return Optional.of("its signature does not verify with CA certificate " + caId);
    }
    return Optional.empty();
  }
}
