package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.store.PostgresDatabases;
import dev.lamplighter.store.StoreConfig;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ListThings and its filters are answered from an index on PostgreSQL. The planner chooses by
 * statistics, so the tables hold a few thousand rows and are analyzed first; sequential scans are
 * switched off for the session because on tables this small they could still win, while what
 * matters is that a selective filter reads only the matching index range. (For a prefix that
 * matches much of the scope the planner may rightly walk the primary key in name order instead and
 * stop at the page limit; SQLite, planning without statistics, is told to use the attribute index
 * always.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresQueryPlanTest {
  private static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");

  private PostgresConnections connections;

  @BeforeAll
  void open() {
    connections = PostgresConnections.open(StoreConfig.of(PostgresDatabases.create()));
    try (Connection connection = connections.read()) {
      Jdbc.execute(
          connection,
          "INSERT INTO things SELECT '123456789012', 'eu-west-1', 'lamp-' || i, 'id-' || i,"
              + " CASE WHEN i % 50 = 0 THEN 'rare' ELSE 'common' END, '{}', 1, NULL, 't', 't'"
              + " FROM generate_series(1, 5000) i");
      Jdbc.execute(
          connection,
          "INSERT INTO thing_attributes SELECT '123456789012', 'eu-west-1', 'lamp-' || i,"
              + " 'zone', 'z-' || i FROM generate_series(1, 5000) i");
      Jdbc.execute(connection, "ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void close() {
    connections.close();
  }

  private String plan(String sql, Object... params) throws SQLException {
    try (Connection connection = connections.read()) {
      Jdbc.execute(connection, "SET enable_seqscan = off");
      try {
        return String.join(
            "\n", Jdbc.query(connection, "EXPLAIN " + sql, row -> row.getString(1), params));
      } finally {
        Jdbc.execute(connection, "RESET enable_seqscan");
      }
    }
  }

  private String plan(ThingQuery query) throws SQLException {
    ThingListQuery sql = ThingListQuery.of(PostgresDialect.INSTANCE, SCOPE, query, "lamp-1", 10);
    return plan(sql.sql(), sql.paramArray());
  }

  @Test
  void listAll_andByType_useThePrimaryKeyOrTheTypeIndex() throws SQLException {
    assertThat(plan(ThingQuery.all())).contains("things_pkey").doesNotContain("Seq Scan");
    assertThat(plan(ThingQuery.ofType("rare")))
        .contains("things_by_type")
        .doesNotContain("Seq Scan");
  }

  @Test
  void listByAttribute_usesTheAttributeIndex() throws SQLException {
    for (ThingQuery query :
        new ThingQuery[] {
          new ThingQuery(null, "zone", "z-42", false),
          new ThingQuery(null, "zone", "z-4299", true),
          new ThingQuery("rare", "zone", "z-42", false)
        }) {
      assertThat(plan(query))
          .as("%s", query)
          .contains("thing_attributes_by_value")
          .doesNotContain("Seq Scan");
    }
  }

  @Test
  void existsWithType_usesTheTypeIndex() throws SQLException {
    assertThat(plan(JdbcThingRepository.EXISTS_WITH_TYPE, "1", "r", "t"))
        .contains("things_by_type")
        .doesNotContain("Seq Scan");
  }
}
