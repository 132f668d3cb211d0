package dev.lamplighter.security.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Tag;
import dev.lamplighter.registry.TagService;
import dev.lamplighter.security.authorization.AuthorizationResult;
import dev.lamplighter.security.authorization.AuthorizationTest;
import dev.lamplighter.security.authorization.ConnectionPolicies;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyService;
import dev.lamplighter.security.authorization.PolicyVersion;
import dev.lamplighter.security.authorization.PolicyWithDefault;
import dev.lamplighter.security.policy.PolicyDocument;
import dev.lamplighter.security.spi.SecurityPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Policies and their versions and attachments. Documents are validated by parsing them before
 * anything is stored; the authorization questions (effective policies, TestAuthorization) are in
 * {@link PolicyResolver}.
 */
public final class PolicyServiceImpl implements PolicyService {
  static final int MAX_VERSIONS = 5;
  static final int MAX_POLICIES_PER_TARGET = 10;

  private final SecurityPorts ports;
  private final TagService tags;
  private final PolicyResolver resolver;
  private final Clock clock;

  public PolicyServiceImpl(
      SecurityPorts ports, TagService tags, PolicyResolver resolver, Clock clock) {
    this.ports = ports;
    this.tags = tags;
    this.resolver = resolver;
    this.clock = clock;
  }

  @Override
  public PolicyVersion create(Scope scope, String name, String document, List<Tag> tagList) {
    PolicyDocument.parse(document);
    return ports
        .transactions()
        .inTransaction(
            () -> {
              if (ports.policies().find(scope, name).isPresent()) {
                throw ErrorCode.RESOURCE_ALREADY_EXISTS
                    .exception("Policy cannot be created - name already exists (name=%s)", name)
                    .withDetails(java.util.Map.of("resourceArn", arn(scope, name)));
              }
              Instant now = clock.instant();
              PolicyVersion first = new PolicyVersion(name, "1", document, now);
              Policy policy = new Policy(name, "1", now, now, 1);
              ports.policies().insert(scope, policy, first);
              if (tagList != null && !tagList.isEmpty()) {
                tags.tag(scope, arn(scope, name), tagList);
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.created(scope, ResourceType.POLICY, name, first));
              return first;
            });
  }

  @Override
  public PolicyWithDefault get(Scope scope, String name) {
    Policy policy = policy(scope, name);
    return new PolicyWithDefault(policy, version(scope, name, policy.defaultVersionId()));
  }

  @Override
  public void delete(Scope scope, String name) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              policy(scope, name);
              if (ports.policyAttachments().isAttached(scope, name)) {
                throw ErrorCode.DELETE_CONFLICT.exception(
                    "The policy cannot be deleted as the policy is attached to one or more"
                        + " principals (name=%s)",
                    name);
              }
              if (ports.policies().versions(scope, name).size() > 1) {
                throw ErrorCode.DELETE_CONFLICT.exception(
                    "The policy cannot be deleted as versions other than the default version exist"
                        + " (name=%s)",
                    name);
              }
              ports.policies().delete(scope, name);
              tags.removeAll(scope, arn(scope, name));
              ports.changeLog().append(ChangeRecord.deleted(scope, ResourceType.POLICY, name));
            });
  }

  @Override
  public Page<Policy> list(Scope scope, boolean ascending, PageRequest page) {
    return Page.fromLookahead(
        ports.policies().list(scope, ascending, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        Policy::name);
  }

  @Override
  public PolicyWithDefault createVersion(
      Scope scope, String name, String document, boolean setAsDefault) {
    PolicyDocument.parse(document);
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Policy policy = policy(scope, name);
              if (ports.policies().versions(scope, name).size() >= MAX_VERSIONS) {
                throw ErrorCode.VERSIONS_LIMIT_EXCEEDED.exception(
                    "The policy %s already has the maximum number of versions (%d).",
                    name, MAX_VERSIONS);
              }
              Instant now = clock.instant();
              String versionId = Long.toString(ports.policies().lastVersionNumber(scope, name) + 1);
              PolicyVersion version = new PolicyVersion(name, versionId, document, now);
              ports.policies().insertVersion(scope, version);
              Policy current = policy;
              if (setAsDefault) {
                current = policy.withDefaultVersion(versionId, now);
                save(scope, policy, current);
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.updated(scope, ResourceType.POLICY, name, version));
              return new PolicyWithDefault(current, version);
            });
  }

  @Override
  public PolicyWithDefault getVersion(Scope scope, String name, String versionId) {
    return new PolicyWithDefault(policy(scope, name), version(scope, name, versionId));
  }

  @Override
  public List<PolicyWithDefault> versions(Scope scope, String name) {
    Policy policy = policy(scope, name);
    return ports.policies().versions(scope, name).stream()
        .sorted(Comparator.comparing((PolicyVersion v) -> Long.parseLong(v.versionId())).reversed())
        .map(v -> new PolicyWithDefault(policy, v))
        .toList();
  }

  @Override
  public void deleteVersion(Scope scope, String name, String versionId) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Policy policy = policy(scope, name);
              version(scope, name, versionId);
              if (policy.defaultVersionId().equals(versionId)) {
                throw ErrorCode.DELETE_CONFLICT.exception(
                    "Cannot delete the default version %s of policy %s.", versionId, name);
              }
              ports.policies().deleteVersion(scope, name, versionId);
              ports
                  .changeLog()
                  .append(ChangeRecord.updated(scope, ResourceType.POLICY, name, policy));
            });
  }

  @Override
  public void setDefaultVersion(Scope scope, String name, String versionId) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Policy policy = policy(scope, name);
              version(scope, name, versionId);
              if (!policy.defaultVersionId().equals(versionId)) {
                Policy changed = policy.withDefaultVersion(versionId, clock.instant());
                save(scope, policy, changed);
                ports
                    .changeLog()
                    .append(ChangeRecord.updated(scope, ResourceType.POLICY, name, changed));
              }
            });
  }

  @Override
  public void attach(Scope scope, String policyName, String target) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              policy(scope, policyName);
              String targetArn = resolver.attachableTarget(scope, target);
              List<String> attached = ports.policyAttachments().policiesOf(scope, targetArn);
              if (attached.contains(policyName)) {
                return;
              }
              if (attached.size() >= MAX_POLICIES_PER_TARGET) {
                throw ErrorCode.LIMIT_EXCEEDED.exception(
                    "%s already has %d policies attached, the most a target can have.",
                    targetArn, MAX_POLICIES_PER_TARGET);
              }
              ports.policyAttachments().attach(scope, policyName, targetArn);
              logAttachment(scope, policyName, targetArn, ChangeKind.ATTACHED);
            });
  }

  @Override
  public void detach(Scope scope, String policyName, String target) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              String targetArn = resolver.targetArn(scope, target);
              if (ports.policyAttachments().detach(scope, policyName, targetArn)) {
                logAttachment(scope, policyName, targetArn, ChangeKind.DETACHED);
              }
            });
  }

  @Override
  public Page<String> attachedPolicies(
      Scope scope, String target, boolean recursive, PageRequest page) {
    List<String> names = resolver.attachedPolicyNames(scope, target, recursive);
    List<String> remaining =
        names.stream()
            .filter(n -> page.after().map(a -> n.compareTo(a) > 0).orElse(true))
            .limit(page.limit() + 1L)
            .toList();
    return Page.fromLookahead(remaining, page.limit(), n -> n);
  }

  @Override
  public Page<String> targets(Scope scope, String policyName, PageRequest page) {
    if (ports.policies().find(scope, policyName).isEmpty()) {
      // AWS's wording for this operation, unlike the other operations on a missing policy.
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("Policy not found");
    }
    return attachedTargets(scope, policyName, page);
  }

  @Override
  public Page<String> principals(Scope scope, String policyName, PageRequest page) {
    return attachedTargets(scope, policyName, page);
  }

  private Page<String> attachedTargets(Scope scope, String policyName, PageRequest page) {
    return Page.fromLookahead(
        ports
            .policyAttachments()
            .targetsOf(scope, policyName, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        t -> t);
  }

  @Override
  public List<PolicyWithDefault> effectivePolicies(
      Scope scope, String principal, String thingName) {
    return resolver.effectivePolicies(scope, principal, thingName);
  }

  @Override
  public ConnectionPolicies connectionPolicies(
      Scope scope, String certificateId, String clientId, String sourceIp) {
    return resolver.connection(
        scope, Principals.arnOf(scope, certificateId), clientId, sourceIp, n -> {});
  }

  @Override
  public List<AuthorizationResult> testAuthorization(Scope scope, AuthorizationTest test) {
    return resolver.test(scope, test);
  }

  private void logAttachment(Scope scope, String policyName, String targetArn, ChangeKind kind) {
    ports
        .changeLog()
        .append(
            new ChangeRecord(
                scope,
                ResourceType.POLICY,
                policyName,
                kind,
                new PolicyAttachment(policyName, targetArn)));
  }

  private void save(Scope scope, Policy current, Policy changed) {
    if (!ports.policies().update(scope, changed, current.generationId())) {
      throw ErrorCode.CONFLICTING_RESOURCE_UPDATE.exception(
          "Policy %s was changed by another request; try again.", current.name());
    }
  }

  private Policy policy(Scope scope, String name) {
    return ports
        .policies()
        .find(scope, name)
        .orElseThrow(
            () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Policy %s does not exist.", name));
  }

  private PolicyVersion version(Scope scope, String name, String versionId) {
    return ports
        .policies()
        .findVersion(scope, name, versionId)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "Version %s of policy %s does not exist.", versionId, name));
  }

  static String arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.POLICY, name).toString();
  }
}
