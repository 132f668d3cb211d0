package dev.lamplighter.store;

import dev.lamplighter.testkit.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh databases on the shared embedded PostgreSQL server. */
public final class PostgresDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private PostgresDatabases() {}

  /**
   * Creates an empty database whose default collation is ICU's en-US, under which "a" sorts before
   * "B": only the schema's COLLATE "C" keeps listings in byte order there, so the contract's
   * ordering tests prove it.
   *
   * @return the new database's JDBC URL
   */
  public static String create() {
    EmbeddedPostgres server = EmbeddedPostgres.shared();
    String name = "lamplighter_test_" + COUNTER.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"));
        Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + name
              + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
              + " LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return server.jdbcUrl(name);
  }
}
