package dev.lamplighter.security.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Tag;
import dev.lamplighter.registry.TagService;
import dev.lamplighter.security.certificates.CaCertificate;
import dev.lamplighter.security.certificates.CaCertificateService;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.certificates.CaCertificateUpdate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.NewCaRegistration;
import dev.lamplighter.security.certificates.RegistrationConfig;
import dev.lamplighter.security.pki.CaRegistration;
import dev.lamplighter.security.pki.ParsedCertificate;
import dev.lamplighter.security.spi.SecurityPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Registration codes and registered CA certificates, with AWS's proof of possession. */
public final class CaCertificateServiceImpl implements CaCertificateService {
  private final SecurityPorts ports;
  private final TagService tags;
  private final Clock clock;
  private final IdSource ids;

  public CaCertificateServiceImpl(SecurityPorts ports, TagService tags, Clock clock, IdSource ids) {
    this.ports = ports;
    this.tags = tags;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public String registrationCode(Scope scope) {
    return ports
        .transactions()
        .inTransaction(
            () ->
                ports
                    .registrationCodes()
                    .find(scope)
                    .orElseGet(
                        () -> {
                          String code = CaRegistration.newRegistrationCode(ids);
                          ports.registrationCodes().put(scope, code);
                          return code;
                        }));
  }

  @Override
  public void deleteRegistrationCode(Scope scope) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              if (!ports.registrationCodes().delete(scope)) {
                throw ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "This account has no registration code in %s.", scope.region());
              }
            });
  }

  @Override
  public CaCertificate register(Scope scope, NewCaRegistration registration, List<Tag> tagList) {
    ParsedCertificate ca = ParsedCertificate.parse(registration.caCertificatePem());
    if (!ca.isCa()) {
      throw ErrorCode.CERTIFICATE_VALIDATION.exception(
          "The certificate %s is not a CA certificate.", ca.certificateId());
    }
    ca.requireValidAt(clock.instant());
    CertificateMode mode =
        registration.mode() == null ? CertificateMode.DEFAULT : registration.mode();
    return ports
        .transactions()
        .inTransaction(
            () -> {
              if (mode == CertificateMode.DEFAULT) {
                proveOwnership(scope, ca, registration.verificationCertificatePem());
              }
              if (ports.caCertificates().find(scope, ca.certificateId()).isPresent()) {
                throw ErrorCode.RESOURCE_ALREADY_EXISTS
                    .exception("The CA certificate is already registered.")
                    .withDetails(
                        Map.of(
                            "resourceId", ca.certificateId(),
                            "resourceArn", arn(scope, ca.certificateId())));
              }
              Instant now = clock.instant();
              CaCertificate registered =
                  new CaCertificate(
                      ca.certificateId(),
                      ca.pem(),
                      registration.setAsActive()
                          ? CaCertificateStatus.ACTIVE
                          : CaCertificateStatus.INACTIVE,
                      registration.allowAutoRegistration(),
                      mode,
                      registration.registrationConfig(),
                      scope.account().value(),
                      ca.notBefore(),
                      ca.notAfter(),
                      now,
                      now,
                      1);
              ports.caCertificates().insert(scope, registered);
              if (tagList != null && !tagList.isEmpty()) {
                tags.tag(scope, arn(scope, ca.certificateId()), tagList);
              }
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.created(
                          scope, ResourceType.CA_CERTIFICATE, ca.certificateId(), registered));
              return registered;
            });
  }

  private void proveOwnership(Scope scope, ParsedCertificate ca, String verificationPem) {
    if (verificationPem == null || verificationPem.isBlank()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "A verificationCertificate is required to register a CA certificate in DEFAULT mode.");
    }
    String code =
        ports
            .registrationCodes()
            .find(scope)
            .orElseThrow(
                () ->
                    ErrorCode.REGISTRATION_CODE_VALIDATION.exception(
                        "This account has no registration code; call GetRegistrationCode"
                            + " first."));
    CaRegistration.verifyProof(ca, ParsedCertificate.parse(verificationPem), code);
  }

  @Override
  public CaCertificate describe(Scope scope, String certificateId) {
    return ports
        .caCertificates()
        .find(scope, certificateId)
        .orElseThrow(() -> notFound(certificateId));
  }

  @Override
  public Page<CaCertificate> list(
      Scope scope, boolean ascending, String templateName, PageRequest page) {
    List<CaCertificate> kept = new ArrayList<>();
    String after = page.after().orElse(null);
    while (kept.size() <= page.limit()) {
      List<CaCertificate> batch =
          ports.caCertificates().list(scope, ascending, after, page.limit() + 1);
      for (CaCertificate ca : batch) {
        if (templateName == null || templateName.equals(ca.registrationConfig().templateName())) {
          kept.add(ca);
        }
      }
      if (batch.size() <= page.limit()) {
        break;
      }
      CaCertificate last = batch.get(batch.size() - 1);
      after = cursor(last);
    }
    return Page.fromLookahead(
        kept.subList(0, Math.min(kept.size(), page.limit() + 1)),
        page.limit(),
        CaCertificateServiceImpl::cursor);
  }

  @Override
  public void update(Scope scope, String certificateId, CaCertificateUpdate update) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              CaCertificate current = describe(scope, certificateId);
              boolean autoRegistration =
                  update.removeAutoRegistration()
                      ? false
                      : Objects.requireNonNullElse(
                          update.autoRegistration(), current.autoRegistration());
              RegistrationConfig config =
                  update.registrationConfig() != null
                      ? update.registrationConfig()
                      : current.registrationConfig();
              CaCertificate changed =
                  new CaCertificate(
                      current.certificateId(),
                      current.pem(),
                      update.status() != null ? update.status() : current.status(),
                      autoRegistration,
                      current.mode(),
                      config,
                      current.ownedBy(),
                      current.notBefore(),
                      current.notAfter(),
                      current.createdAt(),
                      clock.instant(),
                      current.generationId() + 1);
              if (!ports.caCertificates().update(scope, changed, current.generationId())) {
                throw ErrorCode.CONFLICTING_RESOURCE_UPDATE.exception(
                    "CA certificate %s was changed by another request; try again.", certificateId);
              }
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.updated(
                          scope, ResourceType.CA_CERTIFICATE, certificateId, changed));
            });
  }

  @Override
  public void delete(Scope scope, String certificateId) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              CaCertificate current = describe(scope, certificateId);
              if (current.status() == CaCertificateStatus.ACTIVE) {
                throw ErrorCode.CERTIFICATE_STATE.exception(
                    "The CA certificate %s must be INACTIVE before it can be deleted.",
                    certificateId);
              }
              if (ports.certificates().existsIssuedBy(scope, certificateId)) {
                throw ErrorCode.CERTIFICATE_STATE.exception(
                    "Device certificates registered with CA certificate %s still exist.",
                    certificateId);
              }
              ports.caCertificates().delete(scope, certificateId);
              tags.removeAll(scope, arn(scope, certificateId));
              ports
                  .changeLog()
                  .append(ChangeRecord.deleted(scope, ResourceType.CA_CERTIFICATE, certificateId));
            });
  }

  static String arn(Scope scope, String certificateId) {
    return Arn.of(scope, ResourceType.CA_CERTIFICATE, certificateId).toString();
  }

  private static String cursor(CaCertificate ca) {
    return ca.createdAt() + "|" + ca.certificateId();
  }

  private static RuntimeException notFound(String certificateId) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception(
        "The CA certificate %s does not exist.", certificateId);
  }
}
