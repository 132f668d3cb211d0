package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.spi.PolicyAttachmentRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy attachments, one row per (policy, target ARN). A policy's targets are a range of the
 * primary key in ARN order; a target's policies a range of {@code policy_attachments_by_target} in
 * name order. A foreign key to {@code policies} (no cascade) makes attaching a missing policy, or
 * deleting an attached one, fail: the policy service checks both first.
 */
final class JdbcPolicyAttachmentRepository implements PolicyAttachmentRepository {
  private static final String ATTACH =
      "INSERT INTO policy_attachments (account_id, region, policy_name, target_arn)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (account_id, region, policy_name, target_arn)"
          + " DO NOTHING";
  private static final String DETACH =
      "DELETE FROM policy_attachments"
          + " WHERE account_id = ? AND region = ? AND policy_name = ? AND target_arn = ?";
  static final String POLICIES_OF =
      "SELECT policy_name FROM policy_attachments"
          + " WHERE account_id = ? AND region = ? AND target_arn = ? ORDER BY policy_name";
  static final String IS_ATTACHED =
      "SELECT 1 FROM policy_attachments"
          + " WHERE account_id = ? AND region = ? AND policy_name = ? LIMIT 1";
  static final String DETACH_ALL =
      "DELETE FROM policy_attachments WHERE account_id = ? AND region = ? AND target_arn = ?";

  private final Jdbc jdbc;

  JdbcPolicyAttachmentRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean attach(Scope scope, String policyName, String targetArn) {
    return jdbc.write(
        resource(policyName, targetArn),
        connection ->
            Jdbc.update(
                    connection,
                    ATTACH,
                    scope.account().value(),
                    scope.region().value(),
                    policyName,
                    targetArn)
                > 0);
  }

  @Override
  public boolean detach(Scope scope, String policyName, String targetArn) {
    return jdbc.write(
        resource(policyName, targetArn),
        connection ->
            Jdbc.update(
                    connection,
                    DETACH,
                    scope.account().value(),
                    scope.region().value(),
                    policyName,
                    targetArn)
                > 0);
  }

  @Override
  public List<String> policiesOf(Scope scope, String targetArn) {
    return jdbc.read(
        "Policies attached to " + targetArn,
        connection ->
            Jdbc.query(
                connection,
                POLICIES_OF,
                row -> row.getString(1),
                scope.account().value(),
                scope.region().value(),
                targetArn));
  }

  @Override
  public List<String> targetsOf(Scope scope, String policyName, String afterTarget, int limit) {
    List<Object> params = new ArrayList<>(5);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(policyName);
    if (afterTarget != null) {
      params.add(afterTarget);
    }
    params.add(limit);
    return jdbc.read(
        "Targets of policy " + policyName,
        connection ->
            Jdbc.query(
                connection,
                targetsSql(afterTarget != null),
                row -> row.getString(1),
                params.toArray()));
  }

  /** A page of a policy's targets in ARN order: a range of the primary key. */
  static String targetsSql(boolean hasAfter) {
    return "SELECT target_arn FROM policy_attachments"
        + " WHERE account_id = ? AND region = ? AND policy_name = ?"
        + (hasAfter ? " AND target_arn > ?" : "")
        + " ORDER BY target_arn LIMIT ?";
  }

  @Override
  public boolean isAttached(Scope scope, String policyName) {
    return jdbc.read(
        "Targets of policy " + policyName,
        connection ->
            Jdbc.queryOne(
                    connection,
                    IS_ATTACHED,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value(),
                    policyName)
                .isPresent());
  }

  @Override
  public void detachAll(Scope scope, String targetArn) {
    jdbc.write(
        "Policies attached to " + targetArn,
        connection ->
            Jdbc.update(
                connection,
                DETACH_ALL,
                scope.account().value(),
                scope.region().value(),
                targetArn));
  }

  private static String resource(String policyName, String targetArn) {
    return "Attachment of policy " + policyName + " to " + targetArn;
  }
}
