package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.CaCertificate;
import java.util.List;
import java.util.Optional;

/** Storage of registered CA certificates; listings in creation order with keyset paging. */
public interface CaCertificateRepository {

  Optional<CaCertificate> find(Scope scope, String certificateId);

  /**
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS for a taken id
   */
  void insert(Scope scope, CaCertificate certificate);

  /** Replaces it if its generation is {@code expectedGeneration}; false otherwise. */
  boolean update(Scope scope, CaCertificate certificate, long expectedGeneration);

  boolean delete(Scope scope, String certificateId);

  /**
   * @param after the cursor ({@code createdAt|id}) of the last one returned, or null
   */
  List<CaCertificate> list(Scope scope, boolean ascending, String after, int limit);

  /** Every registered CA of any scope with this id that is ACTIVE (for connect-time lookups). */
  List<CaCertificate> findActiveById(String certificateId);
}
