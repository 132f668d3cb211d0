package dev.lamplighter.security.spi;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything the security module needs from a store. */
public record SecurityPorts(
    Transactions transactions,
    ChangeLog changeLog,
    AccountRepository accounts,
    CertificateRepository certificates,
    CaCertificateRepository caCertificates,
    RegistrationCodeRepository registrationCodes,
    PolicyRepository policies,
    PolicyAttachmentRepository policyAttachments,
    ThingPrincipalRepository thingPrincipals,
    ServerCaRepository serverCa) {
  public SecurityPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(changeLog, "changeLog");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(certificates, "certificates");
    Objects.requireNonNull(caCertificates, "caCertificates");
    Objects.requireNonNull(registrationCodes, "registrationCodes");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(policyAttachments, "policyAttachments");
    Objects.requireNonNull(thingPrincipals, "thingPrincipals");
    Objects.requireNonNull(serverCa, "serverCa");
  }
}
