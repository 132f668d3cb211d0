package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyVersion;
import java.util.List;
import java.util.Optional;

/** Storage of policies and their versions; policy names unique per scope, listed by name. */
public interface PolicyRepository {

  Optional<Policy> find(Scope scope, String name);

  /**
   * Stores a new policy with its first version.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS for a taken name
   */
  void insert(Scope scope, Policy policy, PolicyVersion firstVersion);

  /** Replaces the policy row if its generation is {@code expectedGeneration}; false otherwise. */
  boolean update(Scope scope, Policy policy, long expectedGeneration);

  /** Deletes the policy and all its versions; false when it did not exist. */
  boolean delete(Scope scope, String name);

  /** Policies whose names sort after {@code afterName} (or before it, descending). */
  List<Policy> list(Scope scope, boolean ascending, String afterName, int limit);

  void insertVersion(Scope scope, PolicyVersion version);

  Optional<PolicyVersion> findVersion(Scope scope, String policyName, String versionId);

  /** All versions of the policy in creation order. */
  List<PolicyVersion> versions(Scope scope, String policyName);

  boolean deleteVersion(Scope scope, String policyName, String versionId);

  /** The highest version number the policy ever had, so that ids are never reused. */
  long lastVersionNumber(Scope scope, String policyName);
}
