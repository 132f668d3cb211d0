package dev.lamplighter.security.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.CertificateService;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.certificates.NewCertificate;
import dev.lamplighter.security.certificates.ScopedCertificate;
import dev.lamplighter.security.certificates.Transfer;
import dev.lamplighter.security.pki.CertificateAuthority;
import dev.lamplighter.security.pki.IssuedCertificate;
import dev.lamplighter.security.pki.KeysAndCertificate;
import dev.lamplighter.security.pki.ParsedCertificate;
import dev.lamplighter.security.spi.CertificateRepository;
import dev.lamplighter.security.spi.SecurityPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Device certificates: creation from the server's CA, registration of outside certificates, status
 * changes with AWS's rules, deletion, and transfers between accounts of one region.
 */
public final class CertificateServiceImpl implements CertificateService {
  private final SecurityPorts ports;
  private final Supplier<CertificateAuthority> ca;
  private final RegisteredCas registeredCas;
  private final Clock clock;

  public CertificateServiceImpl(
      SecurityPorts ports, Supplier<CertificateAuthority> ca, Clock clock) {
    this.ports = ports;
    this.ca = ca;
    this.registeredCas = new RegisteredCas(ports.caCertificates());
    this.clock = clock;
  }

  @Override
  public NewCertificate createKeysAndCertificate(Scope scope, boolean setAsActive) {
    KeysAndCertificate created = ca.get().createKeysAndCertificate();
    Certificate certificate =
        store(
            scope,
            created.certificate().certificate(),
            activeOr(setAsActive),
            null,
            CertificateMode.DEFAULT);
    return new NewCertificate(certificate, created.publicKeyPem(), created.privateKeyPem());
  }

  @Override
  public Certificate createFromCsr(Scope scope, String csrPem, boolean setAsActive) {
    IssuedCertificate issued = ca.get().signCsr(csrPem);
    return store(scope, issued.certificate(), activeOr(setAsActive), null, CertificateMode.DEFAULT);
  }

  @Override
  public Certificate register(
      Scope scope, String certificatePem, String caCertificatePem, CertificateStatus status) {
    ParsedCertificate parsed = ParsedCertificate.parse(certificatePem);
    parsed.requireValidAt(clock.instant());
    CertificateStatus initial = settable(status, CertificateStatus.INACTIVE);
    String caId = registeredCas.issuerOf(scope, parsed, caCertificatePem).certificateId();
    return store(scope, parsed, initial, caId, CertificateMode.DEFAULT);
  }

  @Override
  public Certificate registerWithoutCa(
      Scope scope, String certificatePem, CertificateStatus status) {
    ParsedCertificate parsed = ParsedCertificate.parse(certificatePem);
    parsed.requireValidAt(clock.instant());
    return store(
        scope,
        parsed,
        settable(status, CertificateStatus.INACTIVE),
        null,
        CertificateMode.SNI_ONLY);
  }

  private Certificate store(
      Scope scope,
      ParsedCertificate parsed,
      CertificateStatus status,
      String caCertificateId,
      CertificateMode mode) {
    Instant now = clock.instant();
    Certificate certificate =
        new Certificate(
            parsed.certificateId(),
            parsed.pem(),
            status,
            caCertificateId,
            mode,
            scope.account().value(),
            null,
            null,
            parsed.notBefore(),
            parsed.notAfter(),
            now,
            now,
            1);
    return ports
        .transactions()
        .inTransaction(
            () -> {
              if (ports.certificates().find(scope, certificate.certificateId()).isPresent()) {
                throw ErrorCode.RESOURCE_ALREADY_EXISTS
                    .exception("The certificate is already provisioned or registered")
                    .withDetails(
                        Map.of(
                            "resourceId", certificate.certificateId(),
                            "resourceArn", arn(scope, certificate.certificateId())));
              }
              ports.certificates().insert(scope, certificate);
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.created(
                          scope,
                          ResourceType.CERTIFICATE,
                          certificate.certificateId(),
                          certificate));
              return certificate;
            });
  }

  @Override
  public Certificate describe(Scope scope, String certificateId) {
    return ports
        .certificates()
        .find(scope, certificateId)
        .or(() -> ports.certificates().findTransferredTo(scope, certificateId))
        .orElseThrow(() -> notFound(certificateId));
  }

  @Override
  public Optional<ScopedCertificate> findForConnection(String certificateId) {
    ScopedCertificate first = null;
    for (Scope scope : ports.certificates().scopesOf(certificateId)) {
      Optional<Certificate> found = ports.certificates().find(scope, certificateId);
      if (found.isEmpty()) {
        continue; // deleted between the two reads
      }
      ScopedCertificate candidate = new ScopedCertificate(scope, found.get());
      if (found.get().status() == CertificateStatus.ACTIVE) {
        return Optional.of(candidate);
      }
      if (first == null) {
        first = candidate;
      }
    }
    return Optional.ofNullable(first);
  }

  @Override
  public Page<Certificate> list(
      Scope scope, String caCertificateId, boolean ascending, PageRequest page) {
    return Page.fromLookahead(
        ports
            .certificates()
            .list(scope, caCertificateId, ascending, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        CertificateRepository::cursorOf);
  }

  @Override
  public void updateStatus(Scope scope, String certificateId, CertificateStatus newStatus) {
    CertificateStatus target = settable(newStatus, null);
    ports
        .transactions()
        .inTransaction(
            () -> {
              Certificate current = owned(scope, certificateId);
              if (current.status() == CertificateStatus.REVOKED) {
                throw ErrorCode.CERTIFICATE_STATE.exception(
                    "Certificate %s is revoked; a revoked certificate cannot change status.",
                    certificateId);
              }
              requireNoPendingTransfer(current);
              if (current.status() != target) {
                save(scope, current, current.withStatus(target, clock.instant()));
              }
            });
  }

  @Override
  public void delete(Scope scope, String certificateId, boolean forceDelete) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Certificate current = owned(scope, certificateId);
              if (current.status() == CertificateStatus.ACTIVE) {
                throw ErrorCode.CERTIFICATE_STATE.exception(
                    "Certificate must be deactivated (not ACTIVE) before deletion. Id: %s",
                    certificateId);
              }
              requireNoPendingTransfer(current);
              String arn = arn(scope, certificateId);
              if (!ports.thingPrincipals().thingsOf(scope, arn, null, 1).isEmpty()) {
                throw ErrorCode.DELETE_CONFLICT.exception(
                    "Things must be detached before deletion (arn: %s)", arn);
              }
              if (!ports.policyAttachments().policiesOf(scope, arn).isEmpty()) {
                if (!forceDelete) {
                  throw ErrorCode.DELETE_CONFLICT.exception(
                      "Certificate policies must be detached before deletion (arn: %s)", arn);
                }
                ports.policyAttachments().detachAll(scope, arn);
              }
              ports.certificates().delete(scope, certificateId);
              ports
                  .changeLog()
                  .append(ChangeRecord.deleted(scope, ResourceType.CERTIFICATE, certificateId));
            });
  }

  @Override
  public String transfer(Scope scope, String certificateId, String targetAccount, String message) {
    if (!AccountId.isValid(targetAccount)
        || targetAccount.equals(scope.account().value())
        || ports.accounts().findAccount(AccountId.of(targetAccount)).isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "%s is not another account of this server.", targetAccount);
    }
    ports
        .transactions()
        .inTransaction(
            () -> {
              Certificate current = owned(scope, certificateId);
              if (current.status() != CertificateStatus.INACTIVE) {
                throw ErrorCode.CERTIFICATE_STATE.exception(
                    "Certificate %s must be INACTIVE to be transferred; it is %s.",
                    certificateId, current.status());
              }
              String arn = arn(scope, certificateId);
              if (!ports.thingPrincipals().thingsOf(scope, arn, null, 1).isEmpty()
                  || !ports.policyAttachments().policiesOf(scope, arn).isEmpty()) {
                throw ErrorCode.TRANSFER_CONFLICT.exception(
                    "Certificate %s is attached to things or policies; detach them before a"
                        + " transfer.",
                    certificateId);
              }
              Transfer offer =
                  new Transfer(targetAccount, message, null, clock.instant(), null, null);
              save(
                  scope,
                  current,
                  current.withTransfer(CertificateStatus.PENDING_TRANSFER, offer, clock.instant()));
            });
    return Arn.of(
            new Scope(AccountId.of(targetAccount), scope.region()),
            ResourceType.CERTIFICATE,
            certificateId)
        .toString();
  }

  @Override
  public void acceptTransfer(Scope scope, String certificateId, boolean setAsActive) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Certificate offered = pendingFor(scope, certificateId);
              Scope sender = new Scope(AccountId.of(offered.ownedBy()), scope.region());
              Instant now = clock.instant();
              Transfer done =
                  new Transfer(
                      offered.transfer().targetAccount(),
                      offered.transfer().message(),
                      null,
                      offered.transfer().transferredAt(),
                      now,
                      null);
              Certificate received =
                  offered.acceptedBy(scope.account().value(), activeOr(setAsActive), done, now);
              ports.certificates().delete(sender, certificateId);
              ports.certificates().insert(scope, received);
              ports
                  .changeLog()
                  .append(ChangeRecord.deleted(sender, ResourceType.CERTIFICATE, certificateId));
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.created(
                          scope, ResourceType.CERTIFICATE, certificateId, received));
            });
  }

  @Override
  public void rejectTransfer(Scope scope, String certificateId, String reason) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Certificate offered = pendingFor(scope, certificateId);
              Scope sender = new Scope(AccountId.of(offered.ownedBy()), scope.region());
              Instant now = clock.instant();
              Transfer rejected =
                  new Transfer(
                      offered.transfer().targetAccount(),
                      offered.transfer().message(),
                      reason,
                      offered.transfer().transferredAt(),
                      null,
                      now);
              save(
                  sender, offered, offered.withTransfer(CertificateStatus.INACTIVE, rejected, now));
            });
  }

  @Override
  public void cancelTransfer(Scope scope, String certificateId) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Certificate current = owned(scope, certificateId);
              if (current.status() != CertificateStatus.PENDING_TRANSFER) {
                throw ErrorCode.TRANSFER_ALREADY_COMPLETED.exception(
                    "Certificate %s has no pending transfer.", certificateId);
              }
              save(
                  scope,
                  current,
                  current.withTransfer(CertificateStatus.INACTIVE, null, clock.instant()));
            });
  }

  /** The certificate offered to the caller's account, or why there is none. */
  private Certificate pendingFor(Scope scope, String certificateId) {
    Optional<Certificate> offered = ports.certificates().findTransferredTo(scope, certificateId);
    if (offered.isPresent()) {
      return offered.get();
    }
    if (ports.certificates().find(scope, certificateId).isPresent()) {
      throw ErrorCode.TRANSFER_ALREADY_COMPLETED.exception(
          "The transfer of certificate %s has already been completed.", certificateId);
    }
    throw notFound(certificateId);
  }

  private Certificate owned(Scope scope, String certificateId) {
    return ports
        .certificates()
        .find(scope, certificateId)
        .orElseThrow(() -> notFound(certificateId));
  }

  private void save(Scope scope, Certificate current, Certificate changed) {
    if (!ports.certificates().update(scope, changed, current.generationId())) {
      throw ErrorCode.CONFLICTING_RESOURCE_UPDATE.exception(
          "Certificate %s was changed by another request; try again.", current.certificateId());
    }
    ports
        .changeLog()
        .append(
            ChangeRecord.updated(
                scope, ResourceType.CERTIFICATE, changed.certificateId(), changed));
  }

  private static void requireNoPendingTransfer(Certificate current) {
    if (current.status() == CertificateStatus.PENDING_TRANSFER) {
      throw ErrorCode.CERTIFICATE_STATE.exception(
          "Certificate %s has a pending transfer; cancel it first.", current.certificateId());
    }
  }

  /** A status callers may set, or {@code otherwise} when none is given. */
  private static CertificateStatus settable(CertificateStatus status, CertificateStatus otherwise) {
    CertificateStatus chosen = status == null ? otherwise : status;
    if (chosen == null
        || chosen == CertificateStatus.PENDING_TRANSFER
        || chosen == CertificateStatus.PENDING_ACTIVATION) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "The status %s cannot be set; use ACTIVE, INACTIVE, REVOKED or REGISTER_INACTIVE.",
          chosen);
    }
    return chosen;
  }

  private static CertificateStatus activeOr(boolean active) {
    return active ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
  }

  static String arn(Scope scope, String certificateId) {
    return Arn.of(scope, ResourceType.CERTIFICATE, certificateId).toString();
  }

  private static RuntimeException notFound(String certificateId) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception(
        "The certificate %s does not exist.", certificateId);
  }
}
