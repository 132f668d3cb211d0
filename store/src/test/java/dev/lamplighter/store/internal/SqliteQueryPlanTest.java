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

/**
 * ListThings and its filters, the thing group and membership listings, and the billing group
 * queries search an index on SQLite; none scans a table.
 */
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

  private String groupPlan(ThingGroupListQuery sql) throws SQLException {
    return String.join("\n", plan(sql.sql(), sql.paramArray()));
  }

  @Test
  void listThingGroups_searchesThePrimaryKey_orTheParentIndex_inNameOrder() throws SQLException {
    assertThat(groupPlan(ThingGroupListQuery.all(SCOPE, "room", "room-1", 10)))
        .startsWith("SEARCH g USING INDEX sqlite_autoindex_thing_groups_1")
        .doesNotContain("TEMP B-TREE");
    assertThat(
            groupPlan(
                ThingGroupListQuery.children(
                    SqliteDialect.INSTANCE, SCOPE, "floor", "room", "room-1", 10)))
        .startsWith("SEARCH g USING INDEX thing_groups_by_parent")
        .contains("parent_name=? AND name>? AND name<?")
        .doesNotContain("TEMP B-TREE");
    assertThat(plan(JdbcThingGroupRepository.COUNT_CHILDREN, "1", "r", "floor"))
        .singleElement()
        .asString()
        .startsWith("SEARCH thing_groups USING COVERING INDEX thing_groups_by_parent");
  }

  @Test
  void listDescendantThingGroups_searchesThePathRange_andReadsOnlyThePageByPrimaryKey()
      throws SQLException {
    ThingGroupListQuery sql =
        ThingGroupListQuery.descendants(
            SqliteDialect.INSTANCE, SCOPE, "/site/floor/", "room", "room-1", 10);
    List<String> plan = plan(sql.sql(), sql.paramArray());

    assertThat(String.join("\n", plan))
        .contains(
            "SEARCH d USING COVERING INDEX thing_groups_by_path"
                + " (account_id=? AND region=? AND path>? AND path<?)")
        .contains("SEARCH g USING INDEX sqlite_autoindex_thing_groups_1");
    assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
  }

  @Test
  void listThingsInThingGroup_searchesOnePrimaryKeyRange_inNameOrder() throws SQLException {
    assertThat(
            plan(
                JdbcThingGroupMembershipRepository.thingsSql(true, true),
                "1",
                "r",
                "site",
                "lamp-1",
                250))
        .containsExactly(
            "SEARCH thing_group_closure USING PRIMARY KEY"
                + " (account_id=? AND region=? AND ancestor_name=? AND thing_name>?)");
    assertThat(
            plan(
                JdbcThingGroupMembershipRepository.thingsSql(false, true),
                "1",
                "r",
                "room",
                "lamp-1",
                250))
        .containsExactly(
            "SEARCH thing_group_members USING PRIMARY KEY"
                + " (account_id=? AND region=? AND group_name=? AND thing_name>?)");
  }

  @Test
  void groupsOfAThing_searchTheMembersByThing() throws SQLException {
    assertThat(plan(JdbcThingGroupMembershipRepository.GROUPS_OF, "1", "r", "lamp"))
        .singleElement()
        .asString()
        .startsWith("SEARCH thing_group_members USING COVERING INDEX thing_group_members_by_thing");
  }

  @Test
  void removeGroup_deletesClosureRowsByPrimaryKey_forTheGroupsMembers() throws SQLException {
    List<String> plan =
        plan(
            JdbcThingGroupMembershipRepository.removeGroupClosure(3),
            "1",
            "r",
            "room",
            "floor",
            "site",
            "1",
            "r",
            "room");

    assertThat(plan)
        .contains(
            "SEARCH thing_group_closure USING PRIMARY KEY"
                + " (account_id=? AND region=? AND ancestor_name=? AND thing_name=?)",
            "SEARCH m USING PRIMARY KEY (account_id=? AND region=? AND group_name=?)");
    assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
  }

  @Test
  void billingGroupQueries_searchThingsByBillingGroup() throws SQLException {
    assertThat(
            plan(
                JdbcBillingGroupRepository.thingsSql(SqliteDialect.INSTANCE, true),
                "1",
                "r",
                "fleet",
                "lamp-1",
                10))
        .containsExactly(
            "SEARCH things USING COVERING INDEX things_by_billing_group"
                + " (account_id=? AND region=? AND billing_group_name=? AND name>?)");
    assertThat(plan(JdbcThingRepository.CLEAR_BILLING_GROUP, "1", "r", "fleet"))
        .singleElement()
        .asString()
        .startsWith("SEARCH things USING INDEX things_by_billing_group");
  }
}
