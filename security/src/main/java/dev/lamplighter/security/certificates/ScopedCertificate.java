package dev.lamplighter.security.certificates;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/**
 * A certificate with the scope that registered it.
 *
 * @param scope the account and region the certificate is registered in
 * @param certificate the registration
 */
public record ScopedCertificate(Scope scope, Certificate certificate) {
  public ScopedCertificate {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(certificate, "certificate");
  }
}
