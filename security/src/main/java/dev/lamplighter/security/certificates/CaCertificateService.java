package dev.lamplighter.security.certificates;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Tag;
import java.util.List;

/**
 * Registration codes and registered CA certificates of a scope.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction.
 */
public interface CaCertificateService {

  /** GetRegistrationCode: the scope's code, created on first call. */
  String registrationCode(Scope scope);

  /**
   * DeleteRegistrationCode.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when there is none
   */
  void deleteRegistrationCode(Scope scope);

  /**
   * RegisterCACertificate. In DEFAULT mode the verification certificate must be signed by the CA's
   * key and carry the scope's registration code as its common name; SNI_ONLY needs none.
   *
   * @throws dev.lamplighter.core.error.ServiceException CERTIFICATE_VALIDATION for a certificate
   *     that does not parse, is not a CA, is not valid now, or a verification certificate the CA
   *     did not sign; REGISTRATION_CODE_VALIDATION for a wrong or missing registration code;
   *     RESOURCE_ALREADY_EXISTS when registered already
   */
  CaCertificate register(Scope scope, NewCaRegistration registration, List<Tag> tags);

  /**
   * DescribeCACertificate.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND
   */
  CaCertificate describe(Scope scope, String certificateId);

  /** ListCACertificates, in creation order; optionally only those using a template. */
  Page<CaCertificate> list(Scope scope, boolean ascending, String templateName, PageRequest page);

  /**
   * UpdateCACertificate; null members are left unchanged.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND
   */
  void update(Scope scope, String certificateId, CaCertificateUpdate update);

  /**
   * DeleteCACertificate.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND; CERTIFICATE_STATE while
   *     ACTIVE or while device certificates registered with it exist
   */
  void delete(Scope scope, String certificateId);
}
