package dev.lamplighter.security.authorization;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Tag;
import java.util.List;

/**
 * IoT policies, their versions and their attachments to certificates and thing groups.
 *
 * <p>Rules, as AWS applies them: documents are validated before anything is stored (a malformed one
 * is MALFORMED_POLICY); a policy has at most 5 versions; the default version cannot be deleted; a
 * policy is deleted only when it is attached nowhere and has no version but the default; a target
 * has at most 10 policies.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with a change log
 * entry.
 */
public interface PolicyService {

  /**
   * CreatePolicy: the document becomes version 1, the default.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS; MALFORMED_POLICY
   */
  PolicyVersion create(Scope scope, String name, String document, List<Tag> tags);

  /**
   * GetPolicy: the policy and its default version.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND
   */
  PolicyWithDefault get(Scope scope, String name);

  /**
   * DeletePolicy.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND; DELETE_CONFLICT while
   *     attached or while versions other than the default exist
   */
  void delete(Scope scope, String name);

  /** ListPolicies, by name. */
  Page<Policy> list(Scope scope, boolean ascending, PageRequest page);

  /**
   * CreatePolicyVersion.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND; MALFORMED_POLICY;
   *     VERSIONS_LIMIT_EXCEEDED with 5 versions already
   */
  PolicyWithDefault createVersion(Scope scope, String name, String document, boolean setAsDefault);

  /**
   * GetPolicyVersion.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND
   */
  PolicyWithDefault getVersion(Scope scope, String name, String versionId);

  /** ListPolicyVersions, newest first as AWS lists them. */
  List<PolicyWithDefault> versions(Scope scope, String name);

  /**
   * DeletePolicyVersion.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND; DELETE_CONFLICT for the
   *     default version
   */
  void deleteVersion(Scope scope, String name, String versionId);

  /** SetDefaultPolicyVersion; RESOURCE_NOT_FOUND for an unknown policy or version. */
  void setDefaultVersion(Scope scope, String name, String versionId);

  /**
   * AttachPolicy and AttachPrincipalPolicy. The target is a certificate ARN or a thing group ARN of
   * the caller's scope.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown policy or
   *     target; INVALID_REQUEST for a target of another kind; LIMIT_EXCEEDED beyond 10 policies
   */
  void attach(Scope scope, String policyName, String target);

  /** DetachPolicy and DetachPrincipalPolicy; detaching what is not attached succeeds. */
  void detach(Scope scope, String policyName, String target);

  /**
   * ListAttachedPolicies and ListPrincipalPolicies: names of the policies attached to the target,
   * and with {@code recursive} for a thing group also those of its ancestors.
   */
  Page<String> attachedPolicies(Scope scope, String target, boolean recursive, PageRequest page);

  /**
   * ListTargetsForPolicy: target ARNs of the policy.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND ("Policy not found") for
   *     an unknown policy
   */
  Page<String> targets(Scope scope, String policyName, PageRequest page);

  /**
   * ListPolicyPrincipals: the same target ARNs, but a policy that does not exist has none (an empty
   * page), as AWS answers this older operation.
   */
  Page<String> principals(Scope scope, String policyName, PageRequest page);

  /**
   * GetEffectivePolicies: the policies of the principal and of every group of the thing, its
   * ancestors included.
   *
   * @param principal a certificate ARN, or null
   * @param thingName a thing, or null
   */
  List<PolicyWithDefault> effectivePolicies(Scope scope, String principal, String thingName);

  /**
   * The policies and policy context of an MQTT connection made with a certificate of the scope: the
   * thing it acts for is the attached thing named like the client id, else the only thing the
   * certificate is attached to. Not an AWS operation: the MQTT gateway calls it on connect and
   * whenever the registry changes under a live connection.
   *
   * @param sourceIp the client's IP address, {@code aws:SourceIp} in the context, or null when
   *     there is none
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for a certificate the
   *     scope does not hold
   */
  ConnectionPolicies connectionPolicies(
      Scope scope, String certificateId, String clientId, String sourceIp);

  /**
   * TestAuthorization: what the policies in force (adjusted by the test's additions and skips)
   * decide for each check.
   */
  List<AuthorizationResult> testAuthorization(Scope scope, AuthorizationTest test);
}
