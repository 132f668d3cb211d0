package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.spi.RegistrationCodeRepository;
import java.util.Optional;

/** The CA registration code of each scope: one row, keyed by the scope alone. */
final class JdbcRegistrationCodeRepository implements RegistrationCodeRepository {
  private static final String FIND =
      "SELECT code FROM registration_codes WHERE account_id = ? AND region = ?";
  private static final String PUT =
      "INSERT INTO registration_codes (account_id, region, code) VALUES (?, ?, ?)"
          + " ON CONFLICT (account_id, region) DO UPDATE SET code = excluded.code";
  private static final String DELETE =
      "DELETE FROM registration_codes WHERE account_id = ? AND region = ?";

  private final Jdbc jdbc;

  JdbcRegistrationCodeRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> find(Scope scope) {
    return jdbc.read(
        resource(scope),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                row -> row.getString(1),
                scope.account().value(),
                scope.region().value()));
  }

  @Override
  public void put(Scope scope, String code) {
    jdbc.write(
        resource(scope),
        connection ->
            Jdbc.update(connection, PUT, scope.account().value(), scope.region().value(), code));
  }

  @Override
  public boolean delete(Scope scope) {
    return jdbc.write(
        resource(scope),
        connection ->
            Jdbc.update(connection, DELETE, scope.account().value(), scope.region().value()) > 0);
  }

  private static String resource(Scope scope) {
    return "Registration code of " + scope;
  }
}
