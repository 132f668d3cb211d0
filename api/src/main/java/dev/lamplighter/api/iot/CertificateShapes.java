package dev.lamplighter.api.iot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Wire records of the certificate and CA certificate operations, named after the AWS model. */
final class CertificateShapes {
  private CertificateShapes() {}

  record KeyPair(
      @JsonProperty("PublicKey") String publicKey, @JsonProperty("PrivateKey") String privateKey) {}

  record SetAsActiveRequest(Boolean setAsActive) {}

  record CreateKeysAndCertificateResponse(
      String certificateArn, String certificateId, String certificatePem, KeyPair keyPair) {}

  record CreateCertificateFromCsrRequest(String certificateSigningRequest, Boolean setAsActive) {}

  record CertificateCreated(String certificateArn, String certificateId, String certificatePem) {}

  record CertificateIdRequest(String certificateId) {}

  record CertificateValidity(Instant notBefore, Instant notAfter) {}

  record TransferData(
      String transferMessage,
      String rejectReason,
      Instant transferDate,
      Instant acceptDate,
      Instant rejectDate) {}

  record CertificateDescription(
      String certificateArn,
      String certificateId,
      String caCertificateId,
      String status,
      String certificatePem,
      String ownedBy,
      String previousOwnedBy,
      Instant creationDate,
      Instant lastModifiedDate,
      Integer customerVersion,
      TransferData transferData,
      String generationId,
      CertificateValidity validity,
      String certificateMode) {}

  record DescribeCertificateResponse(CertificateDescription certificateDescription) {}

  record ListCertificatesRequest(
      String caCertificateId, Integer pageSize, String marker, Boolean ascendingOrder) {}

  record CertificateSummary(
      String certificateArn,
      String certificateId,
      String status,
      String certificateMode,
      Instant creationDate) {}

  record ListCertificatesResponse(List<CertificateSummary> certificates, String nextMarker) {}

  record UpdateCertificateRequest(String certificateId, String newStatus) {}

  record DeleteCertificateRequest(String certificateId, Boolean forceDelete) {}

  record RegisterCertificateRequest(
      String certificatePem, String caCertificatePem, Boolean setAsActive, String status) {}

  record CertificateRegistered(String certificateArn, String certificateId) {}

  record TransferCertificateRequest(
      String certificateId, String targetAwsAccount, String transferMessage) {}

  record TransferCertificateResponse(String transferredCertificateArn) {}

  record AcceptCertificateTransferRequest(String certificateId, Boolean setAsActive) {}

  record RejectCertificateTransferRequest(String certificateId, String rejectReason) {}

  record RegistrationCodeResponse(String registrationCode) {}

  record RegistrationConfig(String templateBody, String roleArn, String templateName) {}

  record RegisterCaCertificateRequest(
      String caCertificate,
      String verificationCertificate,
      Boolean setAsActive,
      Boolean allowAutoRegistration,
      RegistrationConfig registrationConfig,
      List<TagShapes.Tag> tags,
      String certificateMode) {}

  record CaCertificateDescription(
      String certificateArn,
      String certificateId,
      String status,
      String certificatePem,
      String ownedBy,
      Instant creationDate,
      String autoRegistrationStatus,
      Instant lastModifiedDate,
      Integer customerVersion,
      String generationId,
      CertificateValidity validity,
      String certificateMode) {}

  record DescribeCaCertificateResponse(
      CaCertificateDescription certificateDescription, RegistrationConfig registrationConfig) {}

  record ListCaCertificatesRequest(
      Integer pageSize, String marker, Boolean ascendingOrder, String templateName) {}

  record CaCertificateSummary(
      String certificateArn, String certificateId, String status, Instant creationDate) {}

  record ListCaCertificatesResponse(List<CaCertificateSummary> certificates, String nextMarker) {}

  record UpdateCaCertificateRequest(
      String certificateId,
      String newStatus,
      String newAutoRegistrationStatus,
      RegistrationConfig registrationConfig,
      Boolean removeAutoRegistration) {}
}
