package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListThings and its filters search an index on SQLite; none scans a table. */
class SqliteQueryPlanTest {
  private static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");

  @TempDir Path dir;
  private SqliteConnections connections;

  @BeforeEach
  void open() {
    connections = SqliteConnections.open(StoreConfig.sqlite(dir.resolve("plan.db")));
  }

  @AfterEach
  void close() {
    connections.close();
  }

  private List<String> plan(ThingQuery query) throws SQLException {
    ThingListQuery sql = ThingListQuery.of(SqliteDialect.INSTANCE, SCOPE, query, "after", 10);
    return plan(sql.sql(), sql.paramArray());
  }

  private List<String> plan(String sql, Object... params) throws SQLException {
    try (Connection connection = connections.read()) {
      return Jdbc.query(
          connection, "EXPLAIN QUERY PLAN " + sql, row -> row.getString("detail"), params);
    }
  }

  @Test
  void listAll_searchesThePrimaryKey() throws SQLException {
    assertThat(plan(ThingQuery.all()))
        .singleElement()
        .asString()
        .startsWith("SEARCH t USING INDEX sqlite_autoindex_things_1");
  }

  @Test
  void listByType_searchesThingsByType_inNameOrder() throws SQLException {
    assertThat(plan(ThingQuery.ofType("streetlight")))
        .singleElement()
        .asString()
        .startsWith("SEARCH t USING INDEX things_by_type");
  }

  @Test
  void listByExactAttribute_searchesTheAttributeIndex_inNameOrder() throws SQLException {
    List<String> plan = plan(new ThingQuery("streetlight", "zone", "north", false));

    assertThat(String.join("\n", plan))
        .contains("SEARCH a USING COVERING INDEX thing_attributes_by_value")
        .doesNotContain("TEMP B-TREE");
    assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
  }

  @Test
  void listByAttributeName_searchesTheAttributeIndex() throws SQLException {
    List<String> plan = plan(new ThingQuery(null, "zone", null, false));

    assertThat(String.join("\n", plan))
        .contains("SEARCH a USING COVERING INDEX thing_attributes_by_value");
    assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
  }

  @Test
  void listByAttributePrefix_searchesARangeOfTheAttributeIndex() throws SQLException {
    List<String> plan = plan(new ThingQuery(null, "zone", "nor", true));

    assertThat(String.join("\n", plan))
        .contains("SEARCH a USING COVERING INDEX thing_attributes_by_value")
        .contains("attr_value>? AND attr_value<?");
    assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
  }

  @Test
  void existsWithType_searchesThingsByType() throws SQLException {
    assertThat(plan(JdbcThingRepository.EXISTS_WITH_TYPE, "1", "r", "t"))
        .singleElement()
        .asString()
        .contains("things_by_type");
  }
}
