package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.certificates.CaCertificate;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.RegistrationConfig;
import dev.lamplighter.security.spi.CaCertificateRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registered CA certificates, one row each, listed in creation order like device certificates
 * ({@link CreationOrder}). The same CA may be registered in several scopes; {@link #findActiveById}
 * finds the ACTIVE registrations across all of them through the partial index {@code
 * ca_certificates_active_by_id}.
 */
final class JdbcCaCertificateRepository implements CaCertificateRepository {
  private static final String COLUMNS =
      "c.certificate_id, c.pem, c.status, c.auto_registration, c.mode,"
          + " c.registration_template_body, c.registration_role_arn, c.registration_template_name,"
          + " c.owned_by, c.not_before, c.not_after, c.created_at, c.modified_at, c.generation_id";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM ca_certificates c"
          + " WHERE c.account_id = ? AND c.region = ? AND c.certificate_id = ?";
  private static final String INSERT =
      "INSERT INTO ca_certificates (account_id, region, certificate_id, pem, status,"
          + " auto_registration, mode, registration_template_body, registration_role_arn,"
          + " registration_template_name, owned_by, not_before, not_after, created_at, modified_at,"
          + " generation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, certificate_id) DO NOTHING";
  private static final String UPDATE =
      "UPDATE ca_certificates SET pem = ?, status = ?, auto_registration = ?, mode = ?,"
          + " registration_template_body = ?, registration_role_arn = ?,"
          + " registration_template_name = ?, owned_by = ?, not_before = ?, not_after = ?,"
          + " created_at = ?, modified_at = ?, generation_id = ?"
          + " WHERE account_id = ? AND region = ? AND certificate_id = ? AND generation_id = ?";
  private static final String DELETE =
      "DELETE FROM ca_certificates WHERE account_id = ? AND region = ? AND certificate_id = ?";

  /** ACTIVE registrations of a CA in every scope, by account and region. */
  static final String FIND_ACTIVE_BY_ID =
      "SELECT "
          + COLUMNS
          + " FROM ca_certificates c WHERE c.certificate_id = ? AND c.status = 'ACTIVE'"
          + " ORDER BY c.account_id, c.region";

  private final Jdbc jdbc;

  JdbcCaCertificateRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CaCertificate> find(Scope scope, String certificateId) {
    return jdbc.read(
        resource(certificateId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcCaCertificateRepository::toCaCertificate,
                scope.account().value(),
                scope.region().value(),
                certificateId));
  }

  /**
   * @throws NullPointerException when the certificate has no creation time, which orders listings
   */
  @Override
  public void insert(Scope scope, CaCertificate certificate) {
    Objects.requireNonNull(certificate.createdAt(), "createdAt");
    String resource = resource(certificate.certificateId());
    List<Object> params = new ArrayList<>(16);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(certificate.certificateId());
    addValues(params, certificate);
    jdbc.write(
        resource,
        connection -> {
          if (Jdbc.update(connection, INSERT, params.toArray()) == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, CaCertificate certificate, long expectedGeneration) {
    Objects.requireNonNull(certificate.createdAt(), "createdAt");
    List<Object> params = new ArrayList<>(17);
    addValues(params, certificate);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(certificate.certificateId());
    params.add(expectedGeneration);
    return jdbc.write(
        resource(certificate.certificateId()),
        connection -> Jdbc.update(connection, UPDATE, params.toArray()) > 0);
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
   * @throws IllegalArgumentException when {@code after} is not a {@code createdAt|id} cursor
   */
  @Override
  public List<CaCertificate> list(Scope scope, boolean ascending, String after, int limit) {
    List<Object> params = new ArrayList<>(5);
    String sql = listSql(jdbc.dialect(), scope, ascending, after, limit, params);
    return jdbc.read(
        "CA certificates",
        connection ->
            Jdbc.query(
                connection, sql, JdbcCaCertificateRepository::toCaCertificate, params.toArray()));
  }

  /** A page of the scope's CA certificates in creation order; fills {@code params}. */
  static String listSql(
      Dialect dialect,
      Scope scope,
      boolean ascending,
      String after,
      int limit,
      List<Object> params) {
    params.add(scope.account().value());
    params.add(scope.region().value());
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM ca_certificates c")
            .append(dialect.useIndex("ca_certificates_by_created"))
            .append(" WHERE c.account_id = ? AND c.region = ?");
    CreationOrder.appendPage(sql, params, "c", ascending, after, limit);
    return sql.toString();
  }

  @Override
  public List<CaCertificate> findActiveById(String certificateId) {
    return jdbc.read(
        "Active registrations of " + resource(certificateId),
        connection ->
            Jdbc.query(
                connection,
                FIND_ACTIVE_BY_ID,
                JdbcCaCertificateRepository::toCaCertificate,
                certificateId));
  }

  /** The stored columns from pem to generation_id, in the order INSERT and UPDATE name them. */
  private static void addValues(List<Object> params, CaCertificate certificate) {
    RegistrationConfig config = certificate.registrationConfig();
    params.add(certificate.pem());
    params.add(certificate.status().name());
    params.add(certificate.autoRegistration());
    params.add(certificate.mode().name());
    params.add(config.templateBody());
    params.add(config.roleArn());
    params.add(config.templateName());
    params.add(certificate.ownedBy());
    params.add(Instants.format(certificate.notBefore()));
    params.add(Instants.format(certificate.notAfter()));
    params.add(Instants.format(certificate.createdAt()));
    params.add(Instants.format(certificate.modifiedAt()));
    params.add(certificate.generationId());
  }

  private static CaCertificate toCaCertificate(ResultSet row) throws SQLException {
    return new CaCertificate(
        row.getString("certificate_id"),
        row.getString("pem"),
        CaCertificateStatus.valueOf(row.getString("status")),
        row.getBoolean("auto_registration"),
        CertificateMode.valueOf(row.getString("mode")),
        new RegistrationConfig(
            row.getString("registration_template_body"),
            row.getString("registration_role_arn"),
            row.getString("registration_template_name")),
        row.getString("owned_by"),
        Instants.parse(row.getString("not_before")),
        Instants.parse(row.getString("not_after")),
        Instants.parse(row.getString("created_at")),
        Instants.parse(row.getString("modified_at")),
        row.getLong("generation_id"));
  }

  private static String resource(String certificateId) {
    return "CA certificate " + certificateId;
  }
}
