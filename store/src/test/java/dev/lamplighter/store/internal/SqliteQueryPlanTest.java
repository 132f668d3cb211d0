package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobQuery;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ListThings and its filters, the thing group and membership listings, the billing group queries,
 * and the queries of jobs and their executions search an index on SQLite; none scans a table.
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

  /** Scope, the given leading values, a chunk of names, then the given trailing values. */
  private static Object[] chunkParams(List<Object> before, List<Object> after) {
    List<Object> params = new ArrayList<>(List.of("1", "r"));
    params.addAll(before);
    for (int i = 0; i < JdbcDynamicThingGroupMembershipRepository.CHUNK; i++) {
      params.add("lamp-" + i);
    }
    params.addAll(after);
    return params.toArray();
  }

  /**
   * The fleet index records membership in batches: every statement of a batch searches by thing or
   * by group, never scanning the members; counting and listing the dynamic groups reads only the
   * partial index.
   */
  @Test
  void dynamicGroupQueries_searchThePrimaryKey_theThingIndex_orThePartialIndex()
      throws SQLException {
    List<String> counts =
        plan(
            JdbcDynamicThingGroupMembershipRepository.GROUP_COUNTS,
            chunkParams(List.of(), List.of()));
    assertThat(counts).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
    assertThat(String.join("\n", counts))
        .contains("SEARCH t USING COVERING INDEX sqlite_autoindex_things_1")
        .contains("SEARCH m USING COVERING INDEX thing_group_members_by_thing")
        .contains("SEARCH d USING COVERING INDEX dynamic_thing_group_members_by_thing");
    List<List<String>> memberPlans =
        List.of(
            plan(
                JdbcDynamicThingGroupMembershipRepository.MEMBERS_AMONG,
                chunkParams(List.of("warm"), List.of())),
            plan(
                JdbcDynamicThingGroupMembershipRepository.JOINING,
                chunkParams(List.of(), List.of("warm"))),
            plan(
                JdbcDynamicThingGroupMembershipRepository.DELETE_CHUNK,
                chunkParams(List.of("warm"), List.of())),
            plan(JdbcDynamicThingGroupMembershipRepository.GROUPS_OF, "1", "r", "lamp"),
            plan(JdbcDynamicThingGroupMembershipRepository.REMOVE_THING, "1", "r", "lamp"),
            plan(JdbcDynamicThingGroupMembershipRepository.REMOVE_GROUP, "1", "r", "warm"));
    for (List<String> plan : memberPlans) {
      assertThat(plan)
          .allSatisfy(step -> assertThat(step).doesNotStartWith("SCAN"))
          .anySatisfy(
              step -> assertThat(step).matches("SEARCH (d|dynamic_thing_group_members) USING .*"));
    }
    assertThat(
            plan(JdbcDynamicThingGroupMembershipRepository.THINGS_AFTER, "1", "r", "warm", "l", 10))
        .containsExactly(
            "SEARCH dynamic_thing_group_members USING PRIMARY KEY"
                + " (account_id=? AND region=? AND group_name=? AND thing_name>?)");
    assertThat(plan(JdbcThingGroupRepository.COUNT_DYNAMIC, "1", "r"))
        .singleElement()
        .asString()
        .startsWith("SEARCH thing_groups USING INDEX thing_groups_dynamic");
    assertThat(groupPlan(ThingGroupListQuery.dynamic(SCOPE, "warm", 10)))
        .startsWith("SEARCH g USING INDEX thing_groups_dynamic")
        .doesNotContain("TEMP B-TREE");
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

  private List<String> certificatePlan(String caCertificateId, boolean ascending)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        JdbcCertificateRepository.listSql(
            SqliteDialect.INSTANCE,
            SCOPE,
            caCertificateId,
            ascending,
            "2026-01-01T00:00:00Z|abc",
            10,
            params);
    return plan(sql, params.toArray());
  }

  @Test
  void listCertificates_searchesTheCreationIndex_inBothOrders_withoutSorting() throws SQLException {
    for (boolean ascending : new boolean[] {true, false}) {
      assertThat(certificatePlan(null, ascending))
          .as("ascending %s", ascending)
          .containsExactly(
              "SEARCH c USING INDEX certificates_by_created"
                  + " (account_id=? AND region=? AND (created_at,certificate_id)"
                  + (ascending ? ">" : "<")
                  + "(?,?))");
    }
  }

  @Test
  void listCertificatesByCa_searchesTheCaIndex_inBothOrders_withoutSorting() throws SQLException {
    for (boolean ascending : new boolean[] {true, false}) {
      assertThat(certificatePlan("ca", ascending))
          .as("ascending %s", ascending)
          .containsExactly(
              "SEARCH c USING INDEX certificates_by_ca"
                  + " (account_id=? AND region=? AND ca_certificate_id=? AND"
                  + " (created_at,certificate_id)"
                  + (ascending ? ">" : "<")
                  + "(?,?))");
    }
  }

  @Test
  void certificateLookups_searchTheirIndexes() throws SQLException {
    assertThat(plan(JdbcCertificateRepository.FIND_TRANSFERRED_TO, "1", "r", "id"))
        .singleElement()
        .asString()
        .startsWith("SEARCH c USING INDEX certificates_pending_transfer");
    assertThat(plan(JdbcCertificateRepository.EXISTS_ISSUED_BY, "1", "r", "ca"))
        .singleElement()
        .asString()
        .startsWith("SEARCH certificates USING COVERING INDEX certificates_by_ca");
  }

  @Test
  void caCertificateQueries_searchTheirIndexes() throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        JdbcCaCertificateRepository.listSql(
            SqliteDialect.INSTANCE, SCOPE, false, "2026-01-01T00:00:00Z|abc", 10, params);
    assertThat(plan(sql, params.toArray()))
        .containsExactly(
            "SEARCH c USING INDEX ca_certificates_by_created"
                + " (account_id=? AND region=? AND (created_at,certificate_id)<(?,?))");
    assertThat(plan(JdbcCaCertificateRepository.FIND_ACTIVE_BY_ID, "id"))
        .singleElement()
        .asString()
        .startsWith("SEARCH c USING INDEX ca_certificates_active_by_id (certificate_id=?)");
  }

  @Test
  void policyAttachmentQueries_searchThePrimaryKeyOrTheTargetIndex() throws SQLException {
    assertThat(plan(JdbcPolicyAttachmentRepository.POLICIES_OF, "1", "r", "arn"))
        .containsExactly(
            "SEARCH policy_attachments USING COVERING INDEX policy_attachments_by_target"
                + " (account_id=? AND region=? AND target_arn=?)");
    assertThat(plan(JdbcPolicyAttachmentRepository.DETACH_ALL, "1", "r", "arn"))
        .singleElement()
        .asString()
        .contains("policy_attachments_by_target");
    assertThat(plan(JdbcPolicyAttachmentRepository.targetsSql(true), "1", "r", "policy", "arn", 10))
        .containsExactly(
            "SEARCH policy_attachments USING PRIMARY KEY"
                + " (account_id=? AND region=? AND policy_name=? AND target_arn>?)");
    assertThat(plan(JdbcPolicyAttachmentRepository.IS_ATTACHED, "1", "r", "policy"))
        .containsExactly(
            "SEARCH policy_attachments USING PRIMARY KEY"
                + " (account_id=? AND region=? AND policy_name=?)");
  }

  @Test
  void thingPrincipalQueries_searchThePrimaryKeyOrThePrincipalIndex() throws SQLException {
    assertThat(plan(JdbcThingPrincipalRepository.principalsSql(true), "1", "r", "lamp", "arn", 10))
        .containsExactly(
            "SEARCH thing_principals USING PRIMARY KEY"
                + " (account_id=? AND region=? AND thing_name=? AND principal_arn>?)");
    assertThat(
            plan(
                JdbcThingPrincipalRepository.thingsSql(SqliteDialect.INSTANCE, true),
                "1",
                "r",
                "arn",
                "lamp",
                10))
        .containsExactly(
            "SEARCH thing_principals USING INDEX thing_principals_by_principal"
                + " (account_id=? AND region=? AND principal_arn=? AND thing_name>?)");
    assertThat(plan(JdbcThingRepository.HAS_PRINCIPALS, "1", "r", "lamp"))
        .containsExactly(
            "SEARCH thing_principals USING PRIMARY KEY"
                + " (account_id=? AND region=? AND thing_name=?)");
  }

  /**
   * A device's pending executions and the engine's timer each read one range of a partial index,
   * already in the order they are returned.
   */
  @Test
  void pendingExecutionsAndTimeouts_searchTheirPartialIndexes_withoutSorting() throws SQLException {
    assertThat(plan(JobExecutionSql.pendingSql(SqliteDialect.INSTANCE), "1", "r", "lamp", 10))
        .containsExactly(
            "SEARCH e USING INDEX job_executions_pending"
                + " (account_id=? AND region=? AND thing_name=? AND status=?)");
    assertThat(plan(JobExecutionSql.TIMED_OUT, "2026-01-01T00:00:00.000000000Z", 10))
        .containsExactly(
            "SEARCH job_executions USING COVERING INDEX job_executions_timeouts (timeout_at<?)");
  }

  @Test
  void jobExecutionListings_searchOneIndexRange_inTheirOrder() throws SQLException {
    Dialect sqlite = SqliteDialect.INSTANCE;
    assertThat(plan(JobExecutionSql.heldBackFirstSql(sqlite), "1", "r", "job", 1000))
        .containsExactly(
            "SEARCH e USING INDEX job_executions_by_job"
                + " (account_id=? AND region=? AND job_id=? AND rolled_out=?)");
    assertThat(
            plan(JobExecutionSql.listForJobSql(sqlite, false, true), "1", "r", "job", "lamp", 10))
        .containsExactly(
            "SEARCH e USING INDEX job_executions_by_job"
                + " (account_id=? AND region=? AND job_id=? AND rolled_out=? AND thing_name>?)");
    assertThat(
            plan(
                JobExecutionSql.listForJobSql(sqlite, true, true),
                "1",
                "r",
                "job",
                "QUEUED",
                "lamp",
                10))
        .containsExactly(
            "SEARCH e USING INDEX job_executions_by_job_status"
                + " (account_id=? AND region=? AND job_id=? AND status=? AND thing_name>?)");
    assertThat(
            plan(
                JobExecutionSql.listForThingSql(sqlite, true, false, true),
                "1",
                "r",
                "lamp",
                "QUEUED",
                "job",
                10))
        .containsExactly(
            "SEARCH e USING INDEX job_executions_by_thing"
                + " (account_id=? AND region=? AND thing_name=? AND job_id>?)");
    assertThat(plan(JobExecutionSql.statusCountsSql(sqlite), "1", "r", "job"))
        .containsExactly(
            "SEARCH e USING COVERING INDEX job_executions_by_job_status"
                + " (account_id=? AND region=? AND job_id=?)");
    assertThat(plan(JobExecutionSql.COUNT_HELD_BACK, "1", "r", "job"))
        .containsExactly(
            "SEARCH job_executions USING COVERING INDEX job_executions_by_job"
                + " (account_id=? AND region=? AND job_id=? AND rolled_out=?)");
  }

  @Test
  void jobQueries_searchTheirIndexes() throws SQLException {
    List<Object> params = new ArrayList<>();
    String byStatus =
        JdbcJobRepository.listSql(
            SqliteDialect.INSTANCE,
            SCOPE,
            new JobQuery(JobStatus.IN_PROGRESS, null, null, null, null),
            "job",
            10,
            params);
    assertThat(plan(byStatus, params.toArray()))
        .containsExactly(
            "SEARCH j USING INDEX jobs_by_status"
                + " (account_id=? AND region=? AND status=? AND job_id>?)");
    params.clear();
    String byGroup =
        JdbcJobRepository.listSql(
            SqliteDialect.INSTANCE,
            SCOPE,
            new JobQuery(null, null, "street", null, null),
            "job",
            10,
            params);
    assertThat(String.join("\n", plan(byGroup, params.toArray())))
        .contains("SEARCH t USING COVERING INDEX job_targets_by_group_name")
        .doesNotContain("TEMP B-TREE");
    assertThat(plan(JdbcJobRepository.NEEDING_WORK, 10))
        .containsExactly("SCAN jobs USING INDEX jobs_needing_work");
    assertThat(plan(JdbcJobRepository.COUNT_DELETING, "1", "r"))
        .singleElement()
        .asString()
        .startsWith("SEARCH jobs USING COVERING INDEX jobs_by_status");
  }
}
