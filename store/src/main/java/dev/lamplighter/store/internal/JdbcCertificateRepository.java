package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.certificates.Transfer;
import dev.lamplighter.security.spi.CertificateRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Device certificates, one row each with its transfer state in six nullable columns. Listings are
 * keyset pages in creation order ({@link CreationOrder}) over {@code certificates_by_created}, or
 * {@code certificates_by_ca} for one CA's certificates. A pending transfer is found from the
 * receiving side through the partial index {@code certificates_pending_transfer}, which holds only
 * rows in PENDING_TRANSFER.
 */
final class JdbcCertificateRepository implements CertificateRepository {
  private static final String COLUMNS =
      "c.certificate_id, c.pem, c.status, c.ca_certificate_id, c.mode, c.owned_by,"
          + " c.previous_owned_by, c.transfer_target_account, c.transfer_message,"
          + " c.transfer_reject_reason, c.transferred_at, c.transfer_accepted_at,"
          + " c.transfer_rejected_at, c.not_before, c.not_after, c.created_at, c.modified_at,"
          + " c.generation_id";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM certificates c"
          + " WHERE c.account_id = ? AND c.region = ? AND c.certificate_id = ?";
  private static final String INSERT =
      "INSERT INTO certificates (account_id, region, certificate_id, pem, status,"
          + " ca_certificate_id, mode, owned_by, previous_owned_by, transfer_target_account,"
          + " transfer_message, transfer_reject_reason, transferred_at, transfer_accepted_at,"
          + " transfer_rejected_at, not_before, not_after, created_at, modified_at, generation_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, certificate_id) DO NOTHING";
  private static final String UPDATE =
      "UPDATE certificates SET pem = ?, status = ?, ca_certificate_id = ?, mode = ?, owned_by = ?,"
          + " previous_owned_by = ?, transfer_target_account = ?, transfer_message = ?,"
          + " transfer_reject_reason = ?, transferred_at = ?, transfer_accepted_at = ?,"
          + " transfer_rejected_at = ?, not_before = ?, not_after = ?, created_at = ?,"
          + " modified_at = ?, generation_id = ?"
          + " WHERE account_id = ? AND region = ? AND certificate_id = ? AND generation_id = ?";
  private static final Transfer NO_TRANSFER = new Transfer(null, null, null, null, null, null);

  private static final String DELETE =
      "DELETE FROM certificates WHERE account_id = ? AND region = ? AND certificate_id = ?";

  /**
   * The pending offer of a certificate to an account. The same certificate could be offered by two
   * accounts that both registered it; the lowest sender account id wins, so the answer is stable.
   */
  static final String FIND_TRANSFERRED_TO =
      "SELECT "
          + COLUMNS
          + " FROM certificates c"
          + " WHERE c.transfer_target_account = ? AND c.region = ? AND c.certificate_id = ?"
          + " AND c.status = 'PENDING_TRANSFER' ORDER BY c.account_id LIMIT 1";

  static final String SCOPES_OF =
      "SELECT account_id, region FROM certificates WHERE certificate_id = ?"
          + " ORDER BY account_id, region";
  static final String EXISTS_ISSUED_BY =
      "SELECT 1 FROM certificates"
          + " WHERE account_id = ? AND region = ? AND ca_certificate_id = ? LIMIT 1";

  private final Jdbc jdbc;

  JdbcCertificateRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Certificate> find(Scope scope, String certificateId) {
    return jdbc.read(
        resource(certificateId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcCertificateRepository::toCertificate,
                scope.account().value(),
                scope.region().value(),
                certificateId));
  }

  @Override
  public void insert(Scope scope, Certificate certificate) {
    String resource = resource(certificate.certificateId());
    Object[] params =
        concat(
            new Object[] {
              scope.account().value(), scope.region().value(), certificate.certificateId()
            },
            values(certificate));
    jdbc.write(
        resource,
        connection -> {
          if (Jdbc.update(connection, INSERT, params) == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, Certificate certificate, long expectedGeneration) {
    Object[] params =
        concat(
            values(certificate),
            new Object[] {
              scope.account().value(),
              scope.region().value(),
              certificate.certificateId(),
              expectedGeneration
            });
    return jdbc.write(
        resource(certificate.certificateId()),
        connection -> Jdbc.update(connection, UPDATE, params) > 0);
  }

  @Override
  public boolean delete(Scope scope, String certificateId) {
    return jdbc.write(
        resource(certificateId),
        connection ->
            Jdbc.update(
                    connection,
                    DELETE,
                    scope.account().value(),
                    scope.region().value(),
                    certificateId)
                > 0);
  }

  /**
   * @throws IllegalArgumentException when {@code after} is not a cursor of {@link #cursorOf}
   */
  @Override
  public List<Certificate> list(
      Scope scope, String caCertificateId, boolean ascending, String after, int limit) {
    List<Object> params = new ArrayList<>(6);
    String sql = listSql(jdbc.dialect(), scope, caCertificateId, ascending, after, limit, params);
    return jdbc.read(
        "Certificates",
        connection ->
            Jdbc.query(
                connection, sql, JdbcCertificateRepository::toCertificate, params.toArray()));
  }

  /**
   * A page of the scope's certificates, or of one CA's, in creation order; fills {@code params}.
   */
  static String listSql(
      Dialect dialect,
      Scope scope,
      String caCertificateId,
      boolean ascending,
      String after,
      int limit,
      List<Object> params) {
    params.add(scope.account().value());
    params.add(scope.region().value());
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM certificates c");
    if (caCertificateId == null) {
      sql.append(dialect.useIndex("certificates_by_created"))
          .append(" WHERE c.account_id = ? AND c.region = ?");
    } else {
      sql.append(dialect.useIndex("certificates_by_ca"))
          .append(" WHERE c.account_id = ? AND c.region = ? AND c.ca_certificate_id = ?");
      params.add(caCertificateId);
    }
    CreationOrder.appendPage(sql, params, "c", ascending, after, limit);
    return sql.toString();
  }

  @Override
  public Optional<Certificate> findTransferredTo(Scope targetScope, String certificateId) {
    return jdbc.read(
        "Transfer of " + resource(certificateId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND_TRANSFERRED_TO,
                JdbcCertificateRepository::toCertificate,
                targetScope.account().value(),
                targetScope.region().value(),
                certificateId));
  }

  @Override
  public List<Scope> scopesOf(String certificateId) {
    return jdbc.read(
        "Scopes of " + resource(certificateId),
        connection ->
            Jdbc.query(
                connection,
                SCOPES_OF,
                row -> Scope.of(row.getString("account_id"), row.getString("region")),
                certificateId));
  }

  @Override
  public boolean existsIssuedBy(Scope scope, String caCertificateId) {
    return jdbc.read(
        "Certificates of CA certificate " + caCertificateId,
        connection ->
            Jdbc.queryOne(
                    connection,
                    EXISTS_ISSUED_BY,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value(),
                    caCertificateId)
                .isPresent());
  }

  /** The stored columns from pem to generation_id, in the order INSERT and UPDATE name them. */
  private static Object[] values(Certificate certificate) {
    Transfer transfer = certificate.transfer() == null ? NO_TRANSFER : certificate.transfer();
    return new Object[] {
      certificate.pem(),
      certificate.status().name(),
      certificate.caCertificateId(),
      certificate.mode().name(),
      certificate.ownedBy(),
      certificate.previousOwnedBy(),
      transfer.targetAccount(),
      transfer.message(),
      transfer.rejectReason(),
      Instants.format(transfer.transferredAt()),
      Instants.format(transfer.acceptedAt()),
      Instants.format(transfer.rejectedAt()),
      Instants.format(certificate.notBefore()),
      Instants.format(certificate.notAfter()),
      Instants.format(certificate.createdAt()),
      Instants.format(certificate.modifiedAt()),
      certificate.generationId()
    };
  }

  private static Object[] concat(Object[] first, Object[] second) {
    Object[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static Certificate toCertificate(ResultSet row) throws SQLException {
    return new Certificate(
        row.getString("certificate_id"),
        row.getString("pem"),
        CertificateStatus.valueOf(row.getString("status")),
        row.getString("ca_certificate_id"),
        CertificateMode.valueOf(row.getString("mode")),
        row.getString("owned_by"),
        row.getString("previous_owned_by"),
        toTransfer(row),
        Instants.parse(row.getString("not_before")),
        Instants.parse(row.getString("not_after")),
        Instants.parse(row.getString("created_at")),
        Instants.parse(row.getString("modified_at")),
        row.getLong("generation_id"));
  }

  /** The transfer, or null when all its columns are (a transfer of nothing reads back as none). */
  private static Transfer toTransfer(ResultSet row) throws SQLException {
    Transfer transfer =
        new Transfer(
            row.getString("transfer_target_account"),
            row.getString("transfer_message"),
            row.getString("transfer_reject_reason"),
            Instants.parse(row.getString("transferred_at")),
            Instants.parse(row.getString("transfer_accepted_at")),
            Instants.parse(row.getString("transfer_rejected_at")));
    return transfer.equals(NO_TRANSFER) ? null : transfer;
  }

  private static String resource(String certificateId) {
    return "Certificate " + certificateId;
  }
}
