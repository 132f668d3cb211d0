package dev.lamplighter.security.certificates;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Optional;

/**
 * Device certificates. Every method acts within the caller's scope; the transfer operations act
 * between two accounts of one region.
 *
 * <p>Status rules, as AWS applies them: REVOKED is final; PENDING_TRANSFER and PENDING_ACTIVATION
 * cannot be set by callers; a certificate is deleted only when not ACTIVE and not attached to a
 * thing, and (without {@code forceDelete}) not attached to a policy.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with a change log
 * entry.
 */
public interface CertificateService {

  /**
   * CreateKeysAndCertificate: a new key pair and a certificate from the server's CA. The private
   * key is returned here only; it is stored nowhere.
   */
  NewCertificate createKeysAndCertificate(Scope scope, boolean setAsActive);

  /**
   * CreateCertificateFromCsr.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for a CSR that does not
   *     parse, has a bad signature or a weak key
   */
  Certificate createFromCsr(Scope scope, String csrPem, boolean setAsActive);

  /**
   * RegisterCertificate: a certificate issued by a CA registered (and ACTIVE) in the scope.
   *
   * @param caCertificatePem the issuing CA's certificate, or null to find it among the registered
   * @param status the initial status, or null for INACTIVE (ACTIVE when {@code setAsActive})
   * @throws dev.lamplighter.core.error.ServiceException CERTIFICATE_VALIDATION for a certificate
   *     that does not parse, is not valid now, or was not issued by a registered active CA;
   *     RESOURCE_ALREADY_EXISTS when it is registered already; INVALID_REQUEST for a status callers
   *     cannot set
   */
  Certificate register(
      Scope scope, String certificatePem, String caCertificatePem, CertificateStatus status);

  /**
   * RegisterCertificateWithoutCA.
   *
   * @throws dev.lamplighter.core.error.ServiceException as {@link #register}, without the CA check
   */
  Certificate registerWithoutCa(Scope scope, String certificatePem, CertificateStatus status);

  /**
   * DescribeCertificate; also finds a certificate offered to the caller's account by a pending
   * transfer.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND
   */
  Certificate describe(Scope scope, String certificateId);

  /**
   * The registration of a certificate presented on a connection, in whichever scope it is: a device
   * does not say which account its certificate belongs to. A certificate id (SHA-256 of the DER) is
   * unique, but the same certificate may be registered in several scopes (AWS's multi-account
   * registration); then the ACTIVE registration is the one the connection uses, and with none or
   * several ACTIVE the first in (account, region) order.
   *
   * <p>Not an AWS operation: the MQTT gateway's lookup on connect.
   *
   * @return empty when no scope has registered it
   */
  Optional<ScopedCertificate> findForConnection(String certificateId);

  /**
   * ListCertificates and ListCertificatesByCA, in creation order.
   *
   * @param caCertificateId only certificates of this registered CA, or null
   */
  Page<Certificate> list(Scope scope, String caCertificateId, boolean ascending, PageRequest page);

  /**
   * UpdateCertificate.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND; CERTIFICATE_STATE for a
   *     revoked or pending-transfer certificate; INVALID_REQUEST for a status callers cannot set
   */
  void updateStatus(Scope scope, String certificateId, CertificateStatus newStatus);

  /**
   * DeleteCertificate.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND; CERTIFICATE_STATE when
   *     ACTIVE or pending transfer; DELETE_CONFLICT while attached to a thing, or to a policy
   *     without {@code forceDelete}
   */
  void delete(Scope scope, String certificateId, boolean forceDelete);

  /**
   * TransferCertificate: offers an INACTIVE certificate with no attachments to another account.
   *
   * @return the certificate's ARN in the target account
   * @throws dev.lamplighter.core.error.ServiceException CERTIFICATE_STATE unless INACTIVE;
   *     TRANSFER_CONFLICT while attached; INVALID_REQUEST for an unknown or the same account
   */
  String transfer(Scope scope, String certificateId, String targetAccount, String message);

  /**
   * AcceptCertificateTransfer, by the target account: the certificate moves to it.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when nothing is offered;
   *     TRANSFER_ALREADY_COMPLETED when it was accepted, rejected or cancelled
   */
  void acceptTransfer(Scope scope, String certificateId, boolean setAsActive);

  /** RejectCertificateTransfer, by the target account; errors as {@link #acceptTransfer}. */
  void rejectTransfer(Scope scope, String certificateId, String reason);

  /** CancelCertificateTransfer, by the sender; errors as {@link #acceptTransfer}. */
  void cancelTransfer(Scope scope, String certificateId);
}
