package dev.lamplighter.security.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.CaCertificate;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.pki.ParsedCertificate;
import dev.lamplighter.security.spi.CaCertificateRepository;
import java.util.List;

/** Finds the registered, active CA of a scope that issued a certificate. */
final class RegisteredCas {
  private static final int PAGE = 100;

  private final CaCertificateRepository cas;

  RegisteredCas(CaCertificateRepository cas) {
    this.cas = cas;
  }

  /**
   * The registered CA that signed {@code certificate}.
   *
   * @param caCertificatePem the CA the caller names, or null to search the scope's CAs
   * @throws dev.lamplighter.core.error.ServiceException CERTIFICATE_VALIDATION when no registered,
   *     active CA of the scope signed it
   */
  CaCertificate issuerOf(Scope scope, ParsedCertificate certificate, String caCertificatePem) {
    if (caCertificatePem != null && !caCertificatePem.isBlank()) {
      ParsedCertificate named = ParsedCertificate.parse(caCertificatePem);
      CaCertificate registered =
          cas.find(scope, named.certificateId())
              .filter(ca -> ca.status() == CaCertificateStatus.ACTIVE)
              .orElseThrow(
                  () ->
                      ErrorCode.CERTIFICATE_VALIDATION.exception(
                          "The CA certificate %s is not registered and active in this account.",
                          named.certificateId()));
      if (!certificate.isIssuedBy(named)) {
        throw ErrorCode.CERTIFICATE_VALIDATION.exception(
            "The certificate was not issued by the CA certificate %s.", named.certificateId());
      }
      return registered;
    }
    String after = null;
    while (true) {
      List<CaCertificate> batch = cas.list(scope, true, after, PAGE);
      for (CaCertificate ca : batch) {
        if (ca.status() == CaCertificateStatus.ACTIVE
            && certificate.isIssuedBy(ParsedCertificate.parse(ca.pem()))) {
          return ca;
        }
      }
      if (batch.size() < PAGE) {
        break;
      }
      CaCertificate last = batch.get(batch.size() - 1);
      after = last.createdAt() + "|" + last.certificateId();
    }
    throw ErrorCode.CERTIFICATE_VALIDATION.exception(
        "The certificate was not issued by a CA certificate registered and active in this"
            + " account.");
  }
}
