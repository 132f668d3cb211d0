package dev.lamplighter.security.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;

/** Path validation with the JDK's own PKIX validator, independent of the code under test. */
final class Chains {
  private Chains() {}

  /**
   * Validates {@code path} (leaf first, up to but excluding the root) against {@code root} as the
   * only trust anchor, at {@code at}.
   *
   * @throws GeneralSecurityException when the path does not validate
   */
  static void validate(Instant at, ParsedCertificate root, ParsedCertificate... path)
      throws GeneralSecurityException {
    CertPath certPath =
        CertificateFactory.getInstance("X.509")
            .generateCertPath(Arrays.stream(path).map(ParsedCertificate::x509).toList());
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.x509(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(at));
    CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
  }
}
