package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Storage of device certificates, keyed by (scope, certificate id). Listings are ordered by
 * creation time, then id, ascending or descending, with keyset paging on that pair.
 */
public interface CertificateRepository {

  Optional<Certificate> find(Scope scope, String certificateId);

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when the scope has
   *     a certificate of that id
   */
  void insert(Scope scope, Certificate certificate);

  /**
   * Replaces the stored certificate if its generation is {@code expectedGeneration}.
   *
   * @return false when it is gone or changed meanwhile
   */
  boolean update(Scope scope, Certificate certificate, long expectedGeneration);

  /** Deletes the certificate; false when it did not exist. */
  boolean delete(Scope scope, String certificateId);

  /**
   * Certificates after {@code after} (the cursor of the last one returned: see {@link #cursorOf}),
   * in creation order.
   *
   * @param caCertificateId only certificates issued by this registered CA, or null for all
   * @param after exclusive bound, or null to start
   */
  List<Certificate> list(
      Scope scope, String caCertificateId, boolean ascending, String after, int limit);

  /** The paging cursor of a certificate: its creation time and id. */
  static String cursorOf(Certificate certificate) {
    return certificate.createdAt().toString() + "|" + certificate.certificateId();
  }

  /**
   * A certificate offered to {@code targetScope}'s account by a transfer that is still pending,
   * wherever it is stored (the sender's scope).
   */
  Optional<Certificate> findTransferredTo(Scope targetScope, String certificateId);

  /**
   * The scopes that hold a certificate of this id, in (account, region) order. A device presents
   * its certificate without saying which account it belongs to, so connect-time lookups start here.
   */
  List<Scope> scopesOf(String certificateId);

  /** Whether any certificate of the scope was issued by the registered CA. */
  boolean existsIssuedBy(Scope scope, String caCertificateId);
}
