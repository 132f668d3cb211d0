package dev.lamplighter.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.store.PostgresDatabases;
import dev.lamplighter.store.StoreConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ListThings and its filters, the thing group and membership listings, the billing group queries,
 * and the certificate, policy attachment and thing principal queries are answered from an index on
 * PostgreSQL. The planner chooses by statistics, so the tables hold a few thousand rows and are
 * analyzed first; sequential scans are switched off for the session because on tables this small
 * they could still win, while what matters is that a selective filter reads only the matching index
 * range. (For a prefix that matches much of the scope the planner may rightly walk the primary key
 * in name order instead and stop at the page limit; SQLite, planning without statistics, is told to
 * use the attribute index always.)
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
      Jdbc.execute(
          connection,
          "UPDATE things SET billing_group_name = 'fleet-' || (substr(name, 6)::int % 100)"
              + " WHERE substr(name, 6)::int % 3 = 0");
      insertGroups(connection);
      insertDynamicGroups(connection);
      insertCertificatesAndPolicies(connection);
      insertJobs(connection);
      Jdbc.execute(connection, "ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A hierarchy {@code root} > 50 {@code c-i} > 20 {@code gc-i-j} each, another root with 200
   * children, and every thing a direct member of one grandchild (so also of its parent and root).
   */
  private static void insertGroups(Connection connection) throws SQLException {
    String columns =
        "INSERT INTO thing_groups (account_id, region, name, group_id, parent_name, root_name,"
            + " ancestors, path, description, attributes, version, created_at)";
    Jdbc.execute(
        connection,
        columns
            + " VALUES ('123456789012', 'eu-west-1', 'root', 'id', NULL, 'root', '[]', '/root/',"
            + " NULL, '{}', 1, 't'), ('123456789012', 'eu-west-1', 'other', 'id', NULL, 'other',"
            + " '[]', '/other/', NULL, '{}', 1, 't')");
    Jdbc.execute(
        connection,
        columns
            + " SELECT '123456789012', 'eu-west-1', 'c-' || i, 'id', 'root', 'root', '[\"root\"]',"
            + " '/root/c-' || i || '/', NULL, '{}', 1, 't' FROM generate_series(1, 50) i");
    Jdbc.execute(
        connection,
        columns
            + " SELECT '123456789012', 'eu-west-1', 'o-' || i, 'id', 'other', 'other',"
            + " '[\"other\"]', '/other/o-' || i || '/', NULL, '{}', 1, 't'"
            + " FROM generate_series(1, 200) i");
    Jdbc.execute(
        connection,
        columns
            + " SELECT '123456789012', 'eu-west-1', 'gc-' || i || '-' || j, 'id', 'c-' || i,"
            + " 'root', '[\"root\",\"c-' || i || '\"]', '/root/c-' || i || '/gc-' || i || '-' || j"
            + " || '/', NULL, '{}', 1, 't'"
            + " FROM generate_series(1, 50) i, generate_series(1, 20) j");
    Jdbc.execute(
        connection,
        "INSERT INTO thing_group_members SELECT '123456789012', 'eu-west-1',"
            + " 'gc-' || (i % 50 + 1) || '-' || (i / 50 % 20 + 1), 'lamp-' || i"
            + " FROM generate_series(1, 5000) i");
    Jdbc.execute(
        connection,
        "INSERT INTO thing_group_closure SELECT m.account_id, m.region, a.name, m.thing_name"
            + " FROM thing_group_members m JOIN thing_groups g ON g.account_id = m.account_id"
            + " AND g.region = m.region AND g.name = m.group_name"
            + " JOIN thing_groups a ON a.account_id = g.account_id AND a.region = g.region"
            + " AND (a.name = g.name OR a.name = g.parent_name OR a.name = g.root_name)");
  }

  /**
   * 5,000 certificates, half of them issued by one of 50 registered CAs and 1 in 100 offered to
   * another account; 200 policies each attached to 25 certificates; every thing with one of 2,500
   * certificates as principal.
   */
  /** 30 dynamic groups among the static ones, and every thing a member of one of them. */
  private static void insertDynamicGroups(Connection connection) throws SQLException {
    Jdbc.execute(
        connection,
        "INSERT INTO thing_groups (account_id, region, name, group_id, parent_name, root_name,"
            + " ancestors, path, description, attributes, version, created_at, index_name,"
            + " query_string, query_version, dynamic_status)"
            + " SELECT '123456789012', 'eu-west-1', 'dyn-' || i, 'id', NULL, 'dyn-' || i, '[]',"
            + " '/dyn-' || i || '/', NULL, '{}', 1, 't', 'AWS_Things', 'attributes.n:' || i,"
            + " '2017-09-30', 'ACTIVE' FROM generate_series(1, 30) i");
    Jdbc.execute(
        connection,
        "INSERT INTO dynamic_thing_group_members SELECT '123456789012', 'eu-west-1',"
            + " 'dyn-' || (i % 30 + 1), 'lamp-' || i FROM generate_series(1, 5000) i");
  }

  private static void insertCertificatesAndPolicies(Connection connection) throws SQLException {
    Jdbc.execute(
        connection,
        "INSERT INTO certificates (account_id, region, certificate_id, pem, status,"
            + " ca_certificate_id, mode, owned_by, transfer_target_account, created_at,"
            + " modified_at, generation_id)"
            + " SELECT '123456789012', 'eu-west-1', md5(i::text), 'pem',"
            + " CASE WHEN i % 100 = 0 THEN 'PENDING_TRANSFER' ELSE 'ACTIVE' END,"
            + " CASE WHEN i % 2 = 0 THEN 'ca-' || (i % 50) END, 'DEFAULT', '123456789012',"
            + " CASE WHEN i % 100 = 0 THEN '210987654321' END,"
            + " '2026-01-01T00:00:00.' || lpad(i::text, 9, '0') || 'Z', 't', 1"
            + " FROM generate_series(1, 5000) i");
    Jdbc.execute(
        connection,
        "INSERT INTO ca_certificates (account_id, region, certificate_id, pem, status,"
            + " auto_registration, mode, owned_by, created_at, modified_at, generation_id)"
            + " SELECT '123456789012', 'eu-west-1', 'ca-' || i, 'pem',"
            + " CASE WHEN i % 10 = 0 THEN 'ACTIVE' ELSE 'INACTIVE' END, false, 'DEFAULT',"
            + " '123456789012', 't-' || i, 't', 1 FROM generate_series(1, 200) i");
    Jdbc.execute(
        connection,
        "INSERT INTO policies SELECT '123456789012', 'eu-west-1', 'p-' || i, '1', 't', 't', 1, 1"
            + " FROM generate_series(0, 199) i");
    Jdbc.execute(
        connection,
        "INSERT INTO policy_attachments SELECT '123456789012', 'eu-west-1', 'p-' || (i % 200),"
            + " 'arn:cert/' || i FROM generate_series(1, 5000) i");
    Jdbc.execute(
        connection,
        "INSERT INTO thing_principals SELECT '123456789012', 'eu-west-1', 'lamp-' || i,"
            + " 'arn:cert/' || (i % 2500), 'NON_EXCLUSIVE_THING', 't'"
            + " FROM generate_series(1, 5000) i");
  }

  /**
   * 20 jobs, and an execution of one of them on every thing: most SUCCEEDED, one in 10 QUEUED, one
   * in 50 IN_PROGRESS with a timer, one in 7 held back.
   */
  private static void insertJobs(Connection connection) throws SQLException {
    Jdbc.execute(
        connection,
        "INSERT INTO jobs (account_id, region, job_id, status, target_selection, targets,"
            + " document_parameters, configs, force_canceled, destination_package_versions,"
            + " created_at, last_updated_at, targets_resolved, rolled_out_count, anchor_count,"
            + " rate_step, winding, cancel_in_progress, version)"
            + " SELECT '123456789012', 'eu-west-1', 'job-' || i,"
            + " CASE WHEN i % 5 = 0 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END, 'SNAPSHOT', '[]',"
            + " '{}', '{}', false, '[]', 't', 't', true, 0, 0, 0, false, false, 1"
            + " FROM generate_series(1, 20) i");
    Jdbc.execute(
        connection,
        "INSERT INTO job_executions (account_id, region, job_id, thing_name, execution_number,"
            + " status, status_details, version_number, retry_attempt, force_canceled, queued_at,"
            + " last_updated_at, timeout_at, rolled_out)"
            + " SELECT '123456789012', 'eu-west-1', 'job-' || (i % 20 + 1), 'lamp-' || i, 1,"
            + " CASE WHEN i % 50 = 0 THEN 'IN_PROGRESS' WHEN i % 10 = 1 THEN 'QUEUED'"
            + " ELSE 'SUCCEEDED' END, '{}', 1, 0, false, 't-' || lpad(i::text, 5, '0'), 't',"
            + " CASE WHEN i % 50 = 0 THEN '2026-01-01T00:00:' || lpad((i % 60)::text, 2, '0')"
            + " END, i % 7 <> 0 FROM generate_series(1, 5000) i");
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

  private String plan(ThingGroupListQuery sql) throws SQLException {
    return plan(sql.sql(), sql.paramArray());
  }

  @Test
  void listThingGroups_usesThePrimaryKey_theParentIndex_orThePathIndex() throws SQLException {
    Dialect pg = PostgresDialect.INSTANCE;
    assertThat(plan(ThingGroupListQuery.all(SCOPE, "gc-1", null, 10)))
        .contains("thing_groups_pkey")
        .doesNotContain("Seq Scan");
    assertThat(plan(ThingGroupListQuery.children(pg, SCOPE, "c-7", null, "gc-7-3", 10)))
        .contains("thing_groups_by_parent")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(plan(JdbcThingGroupRepository.COUNT_CHILDREN, "123456789012", "eu-west-1", "c-7"))
        .contains("thing_groups_by_parent")
        .doesNotContain("Seq Scan");
    // Below c-7 (20 of 1,253 groups): the path range. Below root, which holds most of the scope,
    // the planner may rightly walk the primary key in name order and stop at the page instead.
    assertThat(plan(ThingGroupListQuery.descendants(pg, SCOPE, "/root/c-7/", null, "gc-7-1", 10)))
        .contains("thing_groups_by_path")
        .doesNotContain("Seq Scan");
  }

  @Test
  void listThingsInThingGroup_isOnePrimaryKeyRange_inNameOrder() throws SQLException {
    for (String group : new String[] {"root", "c-7", "gc-7-3"}) {
      assertThat(
              plan(
                  JdbcThingGroupMembershipRepository.thingsSql(true, true),
                  "123456789012",
                  "eu-west-1",
                  group,
                  "lamp-1",
                  250))
          .as(group)
          .contains("thing_group_closure_pkey")
          .doesNotContain("Seq Scan")
          .doesNotContain("Sort");
    }
    assertThat(
            plan(
                JdbcThingGroupMembershipRepository.thingsSql(false, false),
                "123456789012",
                "eu-west-1",
                "gc-7-3",
                250))
        .contains("thing_group_members_pkey")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }

  @Test
  void groupsOfAThing_andBillingGroupQueries_useTheirIndexes() throws SQLException {
    assertThat(plan(JdbcThingGroupMembershipRepository.GROUPS_OF, "123456789012", "eu-west-1", "x"))
        .contains("thing_group_members_by_thing")
        .doesNotContain("Seq Scan");
    assertThat(
            plan(
                JdbcBillingGroupRepository.thingsSql(PostgresDialect.INSTANCE, true),
                "123456789012",
                "eu-west-1",
                "fleet-42",
                "lamp-1",
                10))
        .contains("things_by_billing_group")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(
            plan(JdbcThingRepository.CLEAR_BILLING_GROUP, "123456789012", "eu-west-1", "fleet-42"))
        .contains("things_by_billing_group")
        .doesNotContain("Seq Scan");
  }

  /** Scope, the given leading values, a chunk of thing names, then the given trailing values. */
  private static Object[] chunkParams(List<Object> before, List<Object> after) {
    List<Object> params = new ArrayList<>(List.of("123456789012", "eu-west-1"));
    params.addAll(before);
    for (int i = 0; i < JdbcDynamicThingGroupMembershipRepository.CHUNK; i++) {
      params.add("lamp-" + (i * 7));
    }
    params.addAll(after);
    return params.toArray();
  }

  /**
   * Each statement of a membership batch reads by thing or by group from an index, never the whole
   * members table; counting and listing the dynamic groups reads only the partial index.
   */
  @Test
  void dynamicGroupQueries_useThePrimaryKey_theThingIndex_orThePartialIndex() throws SQLException {
    String account = "123456789012";
    String region = "eu-west-1";
    assertThat(
            plan(
                JdbcDynamicThingGroupMembershipRepository.GROUP_COUNTS,
                chunkParams(List.of(), List.of())))
        .contains("things_pkey")
        .contains("thing_group_members_by_thing")
        .contains("dynamic_thing_group_members_by_thing")
        .doesNotContain("Seq Scan");
    for (String sql :
        List.of(
            JdbcDynamicThingGroupMembershipRepository.MEMBERS_AMONG,
            JdbcDynamicThingGroupMembershipRepository.DELETE_CHUNK)) {
      assertThat(plan(sql, chunkParams(List.of("dyn-3"), List.of())))
          .contains("dynamic_thing_group_members_pkey")
          .doesNotContain("Seq Scan");
    }
    assertThat(
            plan(
                JdbcDynamicThingGroupMembershipRepository.JOINING,
                chunkParams(List.of(), List.of("dyn-3"))))
        .contains("things_pkey")
        .contains("dynamic_thing_group_members_pkey")
        .doesNotContain("Seq Scan");
    for (String sql :
        List.of(
            JdbcDynamicThingGroupMembershipRepository.GROUPS_OF,
            JdbcDynamicThingGroupMembershipRepository.REMOVE_THING)) {
      assertThat(plan(sql, account, region, "lamp-7"))
          .contains("dynamic_thing_group_members_by_thing")
          .doesNotContain("Seq Scan");
    }
    assertThat(
            plan(
                JdbcDynamicThingGroupMembershipRepository.THINGS_AFTER,
                account,
                region,
                "dyn-3",
                "lamp-1",
                10))
        .contains("dynamic_thing_group_members_pkey")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(plan(JdbcDynamicThingGroupMembershipRepository.REMOVE_GROUP, account, region, "d"))
        .contains("dynamic_thing_group_members_pkey")
        .doesNotContain("Seq Scan");
    assertThat(plan(JdbcThingGroupRepository.COUNT_DYNAMIC, account, region))
        .contains("thing_groups_dynamic")
        .doesNotContain("Seq Scan");
    assertThat(plan(ThingGroupListQuery.dynamic(SCOPE, "dyn-1", 10)))
        .contains("thing_groups_dynamic")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }

  @Test
  void removeGroup_findsTheClosureRowsOfTheGroupsMembersByIndex() throws SQLException {
    assertThat(
            plan(
                JdbcThingGroupMembershipRepository.removeGroupClosure(3),
                "123456789012",
                "eu-west-1",
                "gc-7-3",
                "c-7",
                "root",
                "123456789012",
                "eu-west-1",
                "gc-7-3"))
        .contains("thing_group_closure_pkey")
        .contains("thing_group_members_pkey")
        .doesNotContain("Seq Scan");
  }

  private String certificatePlan(String caCertificateId, boolean ascending) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        JdbcCertificateRepository.listSql(
            PostgresDialect.INSTANCE,
            SCOPE,
            caCertificateId,
            ascending,
            "2026-01-01T00:00:00.000002Z|" + "0".repeat(32),
            10,
            params);
    return plan(sql, params.toArray());
  }

  @Test
  void listCertificates_walksTheCreationIndex_orTheCaIndex_inBothOrders_withoutSorting()
      throws SQLException {
    for (boolean ascending : new boolean[] {true, false}) {
      assertThat(certificatePlan(null, ascending))
          .as("all, ascending %s", ascending)
          .contains("certificates_by_created")
          .containsPattern("Index Cond: .*ROW\\(created_at, certificate_id\\)")
          .doesNotContain("Seq Scan")
          .doesNotContain("Sort");
      assertThat(certificatePlan("ca-7", ascending))
          .as("by CA, ascending %s", ascending)
          .contains("certificates_by_ca")
          .containsPattern("Index Cond: .*ROW\\(created_at, certificate_id\\)")
          .doesNotContain("Seq Scan")
          .doesNotContain("Sort");
    }
  }

  @Test
  void certificateLookups_useTheirIndexes() throws SQLException {
    assertThat(
            plan(JdbcCertificateRepository.FIND_TRANSFERRED_TO, "210987654321", "eu-west-1", "abc"))
        .contains("certificates_pending_transfer")
        .doesNotContain("Seq Scan");
    assertThat(
            plan(JdbcCertificateRepository.EXISTS_ISSUED_BY, "123456789012", "eu-west-1", "ca-7"))
        .contains("certificates_by_ca")
        .doesNotContain("Seq Scan");
  }

  @Test
  void caCertificateQueries_useTheirIndexes() throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        JdbcCaCertificateRepository.listSql(
            PostgresDialect.INSTANCE, SCOPE, false, "2026-01-01T00:00:00Z|ca-9", 10, params);
    assertThat(plan(sql, params.toArray()))
        .contains("ca_certificates_by_created")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(plan(JdbcCaCertificateRepository.FIND_ACTIVE_BY_ID, "ca-10"))
        .contains("ca_certificates_active_by_id")
        .doesNotContain("Seq Scan");
  }

  @Test
  void policyAttachmentQueries_useTheTargetIndex_orThePrimaryKey() throws SQLException {
    assertThat(
            plan(
                JdbcPolicyAttachmentRepository.POLICIES_OF,
                "123456789012",
                "eu-west-1",
                "arn:cert/42"))
        .contains("policy_attachments_by_target")
        .doesNotContain("Seq Scan");
    assertThat(
            plan(
                JdbcPolicyAttachmentRepository.targetsSql(true),
                "123456789012",
                "eu-west-1",
                "p-7",
                "arn:cert/1",
                10))
        .contains("policy_attachments_pkey")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }

  @Test
  void thingPrincipalQueries_useThePrimaryKey_orThePrincipalIndex() throws SQLException {
    assertThat(
            plan(
                JdbcThingPrincipalRepository.principalsSql(true),
                "123456789012",
                "eu-west-1",
                "lamp-42",
                "arn:",
                10))
        .contains("thing_principals_pkey")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(
            plan(
                JdbcThingPrincipalRepository.thingsSql(PostgresDialect.INSTANCE, true),
                "123456789012",
                "eu-west-1",
                "arn:cert/42",
                "lamp-1",
                10))
        .contains("thing_principals_by_principal")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(plan(JdbcThingRepository.HAS_PRINCIPALS, "123456789012", "eu-west-1", "lamp-42"))
        .contains("thing_principals_pkey")
        .doesNotContain("Seq Scan");
  }

  @Test
  void pendingExecutionsAndTimeouts_useTheirPartialIndexes() throws SQLException {
    assertThat(
            plan(
                JobExecutionSql.pendingSql(PostgresDialect.INSTANCE),
                "123456789012",
                "eu-west-1",
                "lamp-41",
                10))
        .contains("job_executions_pending")
        .doesNotContain("Seq Scan");
    assertThat(plan(JobExecutionSql.TIMED_OUT, "2026-01-01T00:00:10", 10))
        .contains("job_executions_timeouts")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }

  @Test
  void jobExecutionListings_useOneIndexRange_inTheirOrder() throws SQLException {
    Dialect pg = PostgresDialect.INSTANCE;
    String account = "123456789012";
    String region = "eu-west-1";
    assertThat(plan(JobExecutionSql.heldBackFirstSql(pg), account, region, "job-3", 10))
        .contains("job_executions_by_job")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(
            plan(
                JobExecutionSql.listForJobSql(pg, true, true),
                account,
                region,
                "job-3",
                "QUEUED",
                "lamp-1",
                10))
        .contains("job_executions_by_job_status")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
    assertThat(
            plan(
                JobExecutionSql.listForThingSql(pg, false, false, true),
                account,
                region,
                "lamp-41",
                "job-1",
                10))
        .contains("job_executions_by_thing")
        .doesNotContain("Seq Scan")
        .doesNotContain("Sort");
  }
}
