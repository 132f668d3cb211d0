package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.CertificateShapes.CaCertificateDescription;
import dev.lamplighter.api.iot.CertificateShapes.CaCertificateSummary;
import dev.lamplighter.api.iot.CertificateShapes.CertificateIdRequest;
import dev.lamplighter.api.iot.CertificateShapes.CertificateRegistered;
import dev.lamplighter.api.iot.CertificateShapes.CertificateValidity;
import dev.lamplighter.api.iot.CertificateShapes.DescribeCaCertificateResponse;
import dev.lamplighter.api.iot.CertificateShapes.ListCaCertificatesRequest;
import dev.lamplighter.api.iot.CertificateShapes.ListCaCertificatesResponse;
import dev.lamplighter.api.iot.CertificateShapes.RegisterCaCertificateRequest;
import dev.lamplighter.api.iot.CertificateShapes.RegistrationCodeResponse;
import dev.lamplighter.api.iot.CertificateShapes.UpdateCaCertificateRequest;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.CaCertificate;
import dev.lamplighter.security.certificates.CaCertificateService;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.certificates.CaCertificateUpdate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.NewCaRegistration;
import dev.lamplighter.security.certificates.RegistrationConfig;

/** Handlers of the registration code and CA certificate operations. */
final class CaCertificateOperations {
  private final CaCertificateService cas;
  private final PageTokens pages;

  CaCertificateOperations(CaCertificateService cas, PageTokens pages) {
    this.cas = cas;
    this.pages = pages;
  }

  Object getRegistrationCode(Call call) {
    return new RegistrationCodeResponse(cas.registrationCode(call.scope()));
  }

  Object deleteRegistrationCode(Call call) {
    cas.deleteRegistrationCode(call.scope());
    return null;
  }

  Object register(Call call) {
    RegisterCaCertificateRequest request = call.input(RegisterCaCertificateRequest.class);
    CaCertificate ca =
        cas.register(
            call.scope(),
            new NewCaRegistration(
                request.caCertificate(),
                request.verificationCertificate(),
                Boolean.TRUE.equals(request.setAsActive()),
                Boolean.TRUE.equals(request.allowAutoRegistration()),
                config(request.registrationConfig()),
                request.certificateMode() == null
                    ? CertificateMode.DEFAULT
                    : CertificateMode.valueOf(request.certificateMode())),
            TagShapes.registryTags(request.tags()));
    return new CertificateRegistered(arn(call.scope(), ca), ca.certificateId());
  }

  Object describe(Call call) {
    CaCertificate ca =
        cas.describe(call.scope(), call.input(CertificateIdRequest.class).certificateId());
    RegistrationConfig config = ca.registrationConfig();
    return new DescribeCaCertificateResponse(
        new CaCertificateDescription(
            arn(call.scope(), ca),
            ca.certificateId(),
            ca.status().name(),
            ca.pem(),
            ca.ownedBy(),
            ca.createdAt(),
            ca.autoRegistration() ? "ENABLE" : "DISABLE",
            ca.modifiedAt(),
            1,
            Long.toString(ca.generationId()),
            new CertificateValidity(ca.notBefore(), ca.notAfter()),
            ca.mode().name()),
        new CertificateShapes.RegistrationConfig(
            config.templateBody(), config.roleArn(), config.templateName()));
  }

  Object list(Call call) {
    ListCaCertificatesRequest request = call.input(ListCaCertificatesRequest.class);
    boolean ascending = Boolean.TRUE.equals(request.ascendingOrder());
    Object[] filters = {ascending, request.templateName()};
    PageRequest page =
        pages.request(
            call, request.pageSize(), request.marker(), ThingOperations.DEFAULT_PAGE_SIZE, filters);
    Page<CaCertificate> result = cas.list(call.scope(), ascending, request.templateName(), page);
    return new ListCaCertificatesResponse(
        result.items().stream()
            .map(
                ca ->
                    new CaCertificateSummary(
                        arn(call.scope(), ca),
                        ca.certificateId(),
                        ca.status().name(),
                        ca.createdAt()))
            .toList(),
        pages.next(call, result, filters));
  }

  Object update(Call call) {
    UpdateCaCertificateRequest request = call.input(UpdateCaCertificateRequest.class);
    cas.update(
        call.scope(),
        request.certificateId(),
        new CaCertificateUpdate(
            request.newStatus() == null ? null : CaCertificateStatus.valueOf(request.newStatus()),
            request.newAutoRegistrationStatus() == null
                ? null
                : "ENABLE".equals(request.newAutoRegistrationStatus()),
            config(request.registrationConfig()),
            Boolean.TRUE.equals(request.removeAutoRegistration())));
    return null;
  }

  Object delete(Call call) {
    cas.delete(call.scope(), call.input(CertificateIdRequest.class).certificateId());
    return null;
  }

  private static RegistrationConfig config(CertificateShapes.RegistrationConfig wire) {
    return wire == null
        ? null
        : new RegistrationConfig(wire.templateBody(), wire.roleArn(), wire.templateName());
  }

  private static String arn(Scope scope, CaCertificate ca) {
    return Arn.of(scope, ResourceType.CA_CERTIFICATE, ca.certificateId()).toString();
  }
}
