package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyVersion;
import dev.lamplighter.security.spi.PolicyRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Policies and their versions. A policy row keeps {@code last_version_number}, the highest version
 * number it ever had: {@link #insert} and {@link #insertVersion} raise it to the new version's
 * number and nothing lowers it, so the id of a deleted version is never handed out again. Version
 * ids are decimal numbers ("1", "2", …); each version row keeps its number too, which orders {@link
 * #versions} by creation. Versions go with their policy (ON DELETE CASCADE).
 */
final class JdbcPolicyRepository implements PolicyRepository {
  private static final String COLUMNS =
      "name, default_version_id, created_at, modified_at, generation_id";
  private static final String VERSION_COLUMNS = "policy_name, version_id, document, created_at";

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM policies WHERE account_id = ? AND region = ? AND name = ?";
  private static final String INSERT =
      "INSERT INTO policies (account_id, region, "
          + COLUMNS
          + ", last_version_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, name) DO NOTHING";
  private static final String UPDATE =
      "UPDATE policies SET default_version_id = ?, created_at = ?, modified_at = ?,"
          + " generation_id = ?"
          + " WHERE account_id = ? AND region = ? AND name = ? AND generation_id = ?";
  private static final String DELETE =
      "DELETE FROM policies WHERE account_id = ? AND region = ? AND name = ?";
  private static final String LIST_ASCENDING =
      "SELECT "
          + COLUMNS
          + " FROM policies WHERE account_id = ? AND region = ? AND name > ?"
          + " ORDER BY name LIMIT ?";
  private static final String LIST_DESCENDING =
      "SELECT "
          + COLUMNS
          + " FROM policies WHERE account_id = ? AND region = ? AND name < ?"
          + " ORDER BY name DESC LIMIT ?";
  private static final String LIST_FIRST_ASCENDING =
      "SELECT "
          + COLUMNS
          + " FROM policies WHERE account_id = ? AND region = ?"
          + " ORDER BY name LIMIT ?";
  private static final String LIST_FIRST_DESCENDING =
      "SELECT "
          + COLUMNS
          + " FROM policies WHERE account_id = ? AND region = ?"
          + " ORDER BY name DESC LIMIT ?";
  private static final String RAISE_LAST_VERSION =
      "UPDATE policies SET last_version_number = CASE WHEN last_version_number < ? THEN ?"
          + " ELSE last_version_number END WHERE account_id = ? AND region = ? AND name = ?";
  private static final String LAST_VERSION =
      "SELECT last_version_number FROM policies WHERE account_id = ? AND region = ? AND name = ?";

  private static final String INSERT_VERSION =
      "INSERT INTO policy_versions (account_id, region, "
          + VERSION_COLUMNS
          + ", version_number) VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, policy_name, version_id) DO NOTHING";
  private static final String FIND_VERSION =
      "SELECT "
          + VERSION_COLUMNS
          + " FROM policy_versions"
          + " WHERE account_id = ? AND region = ? AND policy_name = ? AND version_id = ?";
  private static final String VERSIONS =
      "SELECT "
          + VERSION_COLUMNS
          + " FROM policy_versions WHERE account_id = ? AND region = ? AND policy_name = ?"
          + " ORDER BY version_number";
  private static final String DELETE_VERSION =
      "DELETE FROM policy_versions"
          + " WHERE account_id = ? AND region = ? AND policy_name = ? AND version_id = ?";

  private final Jdbc jdbc;

  JdbcPolicyRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Policy> find(Scope scope, String name) {
    return jdbc.read(
        resource(name),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcPolicyRepository::toPolicy,
                scope.account().value(),
                scope.region().value(),
                name));
  }

  /**
   * @throws IllegalArgumentException when the version belongs to another policy or its id is not a
   *     number
   */
  @Override
  public void insert(Scope scope, Policy policy, PolicyVersion firstVersion) {
    if (!firstVersion.policyName().equals(policy.name())) {
      throw new IllegalArgumentException(
          "version of policy " + firstVersion.policyName() + " given for " + policy.name());
    }
    long number = versionNumber(firstVersion);
    String resource = resource(policy.name());
    jdbc.write(
        resource,
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT,
                  scope.account().value(),
                  scope.region().value(),
                  policy.name(),
                  policy.defaultVersionId(),
                  Instants.format(policy.createdAt()),
                  Instants.format(policy.modifiedAt()),
                  policy.generationId(),
                  number);
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          insertVersionRow(connection, scope, firstVersion, number);
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, Policy policy, long expectedGeneration) {
    return jdbc.write(
        resource(policy.name()),
        connection ->
            Jdbc.update(
                    connection,
                    UPDATE,
                    policy.defaultVersionId(),
                    Instants.format(policy.createdAt()),
                    Instants.format(policy.modifiedAt()),
                    policy.generationId(),
                    scope.account().value(),
                    scope.region().value(),
                    policy.name(),
                    expectedGeneration)
                > 0);
  }

  @Override
  public boolean delete(Scope scope, String name) {
    return jdbc.write(
        resource(name),
        connection ->
            Jdbc.update(connection, DELETE, scope.account().value(), scope.region().value(), name)
                > 0);
  }

  @Override
  public List<Policy> list(Scope scope, boolean ascending, String afterName, int limit) {
    String account = scope.account().value();
    String region = scope.region().value();
    return jdbc.read(
        "Policies",
        connection -> {
          if (afterName == null) {
            return Jdbc.query(
                connection,
                ascending ? LIST_FIRST_ASCENDING : LIST_FIRST_DESCENDING,
                JdbcPolicyRepository::toPolicy,
                account,
                region,
                limit);
          }
          return Jdbc.query(
              connection,
              ascending ? LIST_ASCENDING : LIST_DESCENDING,
              JdbcPolicyRepository::toPolicy,
              account,
              region,
              afterName,
              limit);
        });
  }

  /**
   * Stores a version and raises the policy's last version number to it.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the policy does not
   *     exist; RESOURCE_ALREADY_EXISTS when it has a version of that id
   * @throws IllegalArgumentException when the version id is not a number
   */
  @Override
  public void insertVersion(Scope scope, PolicyVersion version) {
    long number = versionNumber(version);
    jdbc.write(
        versionResource(version.policyName(), version.versionId()),
        connection -> {
          int raised =
              Jdbc.update(
                  connection,
                  RAISE_LAST_VERSION,
                  number,
                  number,
                  scope.account().value(),
                  scope.region().value(),
                  version.policyName());
          if (raised == 0) {
            throw SqlErrors.notFound(resource(version.policyName()));
          }
          insertVersionRow(connection, scope, version, number);
          return null;
        });
  }

  private static void insertVersionRow(
      Connection connection, Scope scope, PolicyVersion version, long number) throws SQLException {
    int inserted =
        Jdbc.update(
            connection,
            INSERT_VERSION,
            scope.account().value(),
            scope.region().value(),
            version.policyName(),
            version.versionId(),
            version.document(),
            Instants.format(version.createdAt()),
            number);
    if (inserted == 0) {
      throw SqlErrors.alreadyExists(versionResource(version.policyName(), version.versionId()));
    }
  }

  @Override
  public Optional<PolicyVersion> findVersion(Scope scope, String policyName, String versionId) {
    return jdbc.read(
        versionResource(policyName, versionId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND_VERSION,
                JdbcPolicyRepository::toVersion,
                scope.account().value(),
                scope.region().value(),
                policyName,
                versionId));
  }

  @Override
  public List<PolicyVersion> versions(Scope scope, String policyName) {
    return jdbc.read(
        "Versions of " + resource(policyName),
        connection ->
            Jdbc.query(
                connection,
                VERSIONS,
                JdbcPolicyRepository::toVersion,
                scope.account().value(),
                scope.region().value(),
                policyName));
  }

  @Override
  public boolean deleteVersion(Scope scope, String policyName, String versionId) {
    return jdbc.write(
        versionResource(policyName, versionId),
        connection ->
            Jdbc.update(
                    connection,
                    DELETE_VERSION,
                    scope.account().value(),
                    scope.region().value(),
                    policyName,
                    versionId)
                > 0);
  }

  /** The highest version number the policy ever had; 0 when there is no such policy. */
  @Override
  public long lastVersionNumber(Scope scope, String policyName) {
    return jdbc.read(
        resource(policyName),
        connection ->
            Jdbc.queryOne(
                    connection,
                    LAST_VERSION,
                    row -> row.getLong(1),
                    scope.account().value(),
                    scope.region().value(),
                    policyName)
                .orElse(0L));
  }

  private static long versionNumber(PolicyVersion version) {
    try {
      long number = Long.parseLong(version.versionId());
      if (number < 1) {
        throw new NumberFormatException("below 1");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "policy version ids are numbers from 1, not " + version.versionId(), e);
    }
  }

  private static Policy toPolicy(ResultSet row) throws SQLException {
    return new Policy(
        row.getString("name"),
        row.getString("default_version_id"),
        Instants.parse(row.getString("created_at")),
        Instants.parse(row.getString("modified_at")),
        row.getLong("generation_id"));
  }

  private static PolicyVersion toVersion(ResultSet row) throws SQLException {
    return new PolicyVersion(
        row.getString("policy_name"),
        row.getString("version_id"),
        row.getString("document"),
        Instants.parse(row.getString("created_at")));
  }

  private static String resource(String name) {
    return "Policy " + name;
  }

  private static String versionResource(String policyName, String versionId) {
    return "Version " + versionId + " of policy " + policyName;
  }
}
