package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.CertificateShapes.AcceptCertificateTransferRequest;
import dev.lamplighter.api.iot.CertificateShapes.CertificateCreated;
import dev.lamplighter.api.iot.CertificateShapes.CertificateDescription;
import dev.lamplighter.api.iot.CertificateShapes.CertificateIdRequest;
import dev.lamplighter.api.iot.CertificateShapes.CertificateRegistered;
import dev.lamplighter.api.iot.CertificateShapes.CertificateSummary;
import dev.lamplighter.api.iot.CertificateShapes.CertificateValidity;
import dev.lamplighter.api.iot.CertificateShapes.CreateCertificateFromCsrRequest;
import dev.lamplighter.api.iot.CertificateShapes.CreateKeysAndCertificateResponse;
import dev.lamplighter.api.iot.CertificateShapes.DeleteCertificateRequest;
import dev.lamplighter.api.iot.CertificateShapes.DescribeCertificateResponse;
import dev.lamplighter.api.iot.CertificateShapes.KeyPair;
import dev.lamplighter.api.iot.CertificateShapes.ListCertificatesRequest;
import dev.lamplighter.api.iot.CertificateShapes.ListCertificatesResponse;
import dev.lamplighter.api.iot.CertificateShapes.RegisterCertificateRequest;
import dev.lamplighter.api.iot.CertificateShapes.RejectCertificateTransferRequest;
import dev.lamplighter.api.iot.CertificateShapes.SetAsActiveRequest;
import dev.lamplighter.api.iot.CertificateShapes.TransferCertificateRequest;
import dev.lamplighter.api.iot.CertificateShapes.TransferCertificateResponse;
import dev.lamplighter.api.iot.CertificateShapes.TransferData;
import dev.lamplighter.api.iot.CertificateShapes.UpdateCertificateRequest;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateService;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.certificates.NewCertificate;
import dev.lamplighter.security.certificates.Transfer;

/** Handlers of the device certificate operations: decode, one service call, encode. */
final class CertificateOperations {
  private final CertificateService certificates;
  private final PageTokens pages;

  CertificateOperations(CertificateService certificates, PageTokens pages) {
    this.certificates = certificates;
    this.pages = pages;
  }

  Object createKeysAndCertificate(Call call) {
    boolean active = Boolean.TRUE.equals(call.input(SetAsActiveRequest.class).setAsActive());
    NewCertificate created = certificates.createKeysAndCertificate(call.scope(), active);
    Certificate certificate = created.certificate();
    return new CreateKeysAndCertificateResponse(
        arn(call.scope(), certificate),
        certificate.certificateId(),
        certificate.pem(),
        new KeyPair(created.publicKeyPem(), created.privateKeyPem()));
  }

  Object createFromCsr(Call call) {
    CreateCertificateFromCsrRequest request = call.input(CreateCertificateFromCsrRequest.class);
    Certificate certificate =
        certificates.createFromCsr(
            call.scope(),
            request.certificateSigningRequest(),
            Boolean.TRUE.equals(request.setAsActive()));
    return new CertificateCreated(
        arn(call.scope(), certificate), certificate.certificateId(), certificate.pem());
  }

  Object describe(Call call) {
    Certificate certificate =
        certificates.describe(call.scope(), call.input(CertificateIdRequest.class).certificateId());
    return new DescribeCertificateResponse(description(certificate, call.scope().region().value()));
  }

  Object list(Call call) {
    ListCertificatesRequest request = call.input(ListCertificatesRequest.class);
    boolean ascending = Boolean.TRUE.equals(request.ascendingOrder());
    Object[] filters = {request.caCertificateId(), ascending};
    PageRequest page =
        pages.request(
            call, request.pageSize(), request.marker(), ThingOperations.DEFAULT_PAGE_SIZE, filters);
    Page<Certificate> result =
        certificates.list(call.scope(), request.caCertificateId(), ascending, page);
    return new ListCertificatesResponse(
        result.items().stream()
            .map(
                c ->
                    new CertificateSummary(
                        arn(call.scope(), c),
                        c.certificateId(),
                        c.status().name(),
                        c.mode().name(),
                        c.createdAt()))
            .toList(),
        pages.next(call, result, filters));
  }

  Object update(Call call) {
    UpdateCertificateRequest request = call.input(UpdateCertificateRequest.class);
    certificates.updateStatus(
        call.scope(), request.certificateId(), CertificateStatus.valueOf(request.newStatus()));
    return null;
  }

  Object delete(Call call) {
    DeleteCertificateRequest request = call.input(DeleteCertificateRequest.class);
    certificates.delete(
        call.scope(), request.certificateId(), Boolean.TRUE.equals(request.forceDelete()));
    return null;
  }

  Object register(Call call) {
    RegisterCertificateRequest request = call.input(RegisterCertificateRequest.class);
    Certificate certificate =
        certificates.register(
            call.scope(),
            request.certificatePem(),
            request.caCertificatePem(),
            initialStatus(request));
    return new CertificateRegistered(arn(call.scope(), certificate), certificate.certificateId());
  }

  Object registerWithoutCa(Call call) {
    RegisterCertificateRequest request = call.input(RegisterCertificateRequest.class);
    Certificate certificate =
        certificates.registerWithoutCa(
            call.scope(), request.certificatePem(), initialStatus(request));
    return new CertificateRegistered(arn(call.scope(), certificate), certificate.certificateId());
  }

  Object transfer(Call call) {
    TransferCertificateRequest request = call.input(TransferCertificateRequest.class);
    return new TransferCertificateResponse(
        certificates.transfer(
            call.scope(),
            request.certificateId(),
            request.targetAwsAccount(),
            request.transferMessage()));
  }

  Object acceptTransfer(Call call) {
    AcceptCertificateTransferRequest request = call.input(AcceptCertificateTransferRequest.class);
    certificates.acceptTransfer(
        call.scope(), request.certificateId(), Boolean.TRUE.equals(request.setAsActive()));
    return null;
  }

  Object rejectTransfer(Call call) {
    RejectCertificateTransferRequest request = call.input(RejectCertificateTransferRequest.class);
    certificates.rejectTransfer(call.scope(), request.certificateId(), request.rejectReason());
    return null;
  }

  Object cancelTransfer(Call call) {
    certificates.cancelTransfer(
        call.scope(), call.input(CertificateIdRequest.class).certificateId());
    return null;
  }

  /** The status a registration asks for: {@code status}, else ACTIVE with setAsActive. */
  private static CertificateStatus initialStatus(RegisterCertificateRequest request) {
    if (request.status() != null) {
      return CertificateStatus.valueOf(request.status());
    }
    return Boolean.TRUE.equals(request.setAsActive()) ? CertificateStatus.ACTIVE : null;
  }

  private static CertificateDescription description(Certificate certificate, String region) {
    Transfer transfer = certificate.transfer();
    Scope owner = new Scope(AccountId.of(certificate.ownedBy()), Region.of(region));
    return new CertificateDescription(
        arn(owner, certificate),
        certificate.certificateId(),
        certificate.caCertificateId(),
        certificate.status().name(),
        certificate.pem(),
        certificate.ownedBy(),
        certificate.previousOwnedBy(),
        certificate.createdAt(),
        certificate.modifiedAt(),
        1,
        transfer == null
            ? null
            : new TransferData(
                transfer.message(),
                transfer.rejectReason(),
                transfer.transferredAt(),
                transfer.acceptedAt(),
                transfer.rejectedAt()),
        Long.toString(certificate.generationId()),
        new CertificateValidity(certificate.notBefore(), certificate.notAfter()),
        certificate.mode().name());
  }

  static String arn(Scope scope, Certificate certificate) {
    return Arn.of(scope, ResourceType.CERTIFICATE, certificate.certificateId()).toString();
  }
}
