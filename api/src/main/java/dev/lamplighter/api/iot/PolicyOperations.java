package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.PolicyShapes.AuthInfo;
import dev.lamplighter.api.iot.PolicyShapes.AuthResult;
import dev.lamplighter.api.iot.PolicyShapes.CreatePolicyRequest;
import dev.lamplighter.api.iot.PolicyShapes.CreatePolicyResponse;
import dev.lamplighter.api.iot.PolicyShapes.CreatePolicyVersionRequest;
import dev.lamplighter.api.iot.PolicyShapes.CreatePolicyVersionResponse;
import dev.lamplighter.api.iot.PolicyShapes.Denied;
import dev.lamplighter.api.iot.PolicyShapes.EffectivePolicy;
import dev.lamplighter.api.iot.PolicyShapes.GetEffectivePoliciesRequest;
import dev.lamplighter.api.iot.PolicyShapes.GetEffectivePoliciesResponse;
import dev.lamplighter.api.iot.PolicyShapes.GetPolicyResponse;
import dev.lamplighter.api.iot.PolicyShapes.GetPolicyVersionResponse;
import dev.lamplighter.api.iot.PolicyShapes.ListAttachedPoliciesRequest;
import dev.lamplighter.api.iot.PolicyShapes.ListPolicyPrincipalsRequest;
import dev.lamplighter.api.iot.PolicyShapes.ListPolicyPrincipalsResponse;
import dev.lamplighter.api.iot.PolicyShapes.ListPolicyVersionsResponse;
import dev.lamplighter.api.iot.PolicyShapes.ListPrincipalPoliciesRequest;
import dev.lamplighter.api.iot.PolicyShapes.ListTargetsForPolicyRequest;
import dev.lamplighter.api.iot.PolicyShapes.ListTargetsForPolicyResponse;
import dev.lamplighter.api.iot.PolicyShapes.PagedRequest;
import dev.lamplighter.api.iot.PolicyShapes.PoliciesResponse;
import dev.lamplighter.api.iot.PolicyShapes.PolicyList;
import dev.lamplighter.api.iot.PolicyShapes.PolicyNameRequest;
import dev.lamplighter.api.iot.PolicyShapes.PolicySummary;
import dev.lamplighter.api.iot.PolicyShapes.PolicyTargetRequest;
import dev.lamplighter.api.iot.PolicyShapes.PolicyVersionRequest;
import dev.lamplighter.api.iot.PolicyShapes.PolicyVersionSummary;
import dev.lamplighter.api.iot.PolicyShapes.PrincipalPolicyRequest;
import dev.lamplighter.api.iot.PolicyShapes.TestAuthorizationRequest;
import dev.lamplighter.api.iot.PolicyShapes.TestAuthorizationResponse;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.AuthorizationCheck;
import dev.lamplighter.security.authorization.AuthorizationResult;
import dev.lamplighter.security.authorization.AuthorizationTest;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyService;
import dev.lamplighter.security.authorization.PolicyVersion;
import dev.lamplighter.security.authorization.PolicyWithDefault;
import java.util.List;

/** Handlers of the policy operations: decode, one service call, encode. */
final class PolicyOperations {
  private final PolicyService policies;
  private final PageTokens pages;

  PolicyOperations(PolicyService policies, PageTokens pages) {
    this.policies = policies;
    this.pages = pages;
  }

  Object create(Call call) {
    CreatePolicyRequest request = call.input(CreatePolicyRequest.class);
    PolicyVersion first =
        policies.create(
            call.scope(),
            request.policyName(),
            request.policyDocument(),
            TagShapes.registryTags(request.tags()));
    return new CreatePolicyResponse(
        request.policyName(),
        arn(call.scope(), request.policyName()),
        first.document(),
        first.versionId());
  }

  Object get(Call call) {
    PolicyWithDefault policy =
        policies.get(call.scope(), call.input(PolicyNameRequest.class).policyName());
    Policy p = policy.policy();
    return new GetPolicyResponse(
        p.name(),
        arn(call.scope(), p.name()),
        policy.version().document(),
        p.defaultVersionId(),
        p.createdAt(),
        p.modifiedAt(),
        Long.toString(p.generationId()));
  }

  Object delete(Call call) {
    policies.delete(call.scope(), call.input(PolicyNameRequest.class).policyName());
    return null;
  }

  Object list(Call call) {
    PagedRequest request = call.input(PagedRequest.class);
    boolean ascending = Boolean.TRUE.equals(request.ascendingOrder());
    PageRequest page =
        pages.request(
            call,
            request.pageSize(),
            request.marker(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            ascending);
    Page<Policy> result = policies.list(call.scope(), ascending, page);
    return new PoliciesResponse(
        summaries(call.scope(), result.items().stream().map(Policy::name).toList()),
        pages.next(call, result, ascending));
  }

  Object createVersion(Call call) {
    CreatePolicyVersionRequest request = call.input(CreatePolicyVersionRequest.class);
    PolicyWithDefault created =
        policies.createVersion(
            call.scope(),
            request.policyName(),
            request.policyDocument(),
            Boolean.TRUE.equals(request.setAsDefault()));
    return new CreatePolicyVersionResponse(
        arn(call.scope(), request.policyName()),
        created.version().document(),
        created.version().versionId(),
        created.isDefault());
  }

  Object getVersion(Call call) {
    PolicyVersionRequest request = call.input(PolicyVersionRequest.class);
    PolicyWithDefault version =
        policies.getVersion(call.scope(), request.policyName(), request.policyVersionId());
    return new GetPolicyVersionResponse(
        arn(call.scope(), request.policyName()),
        request.policyName(),
        version.version().document(),
        version.version().versionId(),
        version.isDefault(),
        version.version().createdAt(),
        version.policy().modifiedAt(),
        Long.toString(version.policy().generationId()));
  }

  Object listVersions(Call call) {
    String name = call.input(PolicyNameRequest.class).policyName();
    return new ListPolicyVersionsResponse(
        policies.versions(call.scope(), name).stream()
            .map(
                v ->
                    new PolicyVersionSummary(
                        v.version().versionId(), v.isDefault(), v.version().createdAt()))
            .toList());
  }

  Object deleteVersion(Call call) {
    PolicyVersionRequest request = call.input(PolicyVersionRequest.class);
    policies.deleteVersion(call.scope(), request.policyName(), request.policyVersionId());
    return null;
  }

  Object setDefaultVersion(Call call) {
    PolicyVersionRequest request = call.input(PolicyVersionRequest.class);
    policies.setDefaultVersion(call.scope(), request.policyName(), request.policyVersionId());
    return null;
  }

  Object attach(Call call) {
    PolicyTargetRequest request = call.input(PolicyTargetRequest.class);
    policies.attach(call.scope(), request.policyName(), request.target());
    return null;
  }

  Object detach(Call call) {
    PolicyTargetRequest request = call.input(PolicyTargetRequest.class);
    policies.detach(call.scope(), request.policyName(), request.target());
    return null;
  }

  Object attachPrincipal(Call call) {
    PrincipalPolicyRequest request = call.input(PrincipalPolicyRequest.class);
    policies.attach(call.scope(), request.policyName(), request.principal());
    return null;
  }

  Object detachPrincipal(Call call) {
    PrincipalPolicyRequest request = call.input(PrincipalPolicyRequest.class);
    policies.detach(call.scope(), request.policyName(), request.principal());
    return null;
  }

  Object listAttached(Call call) {
    ListAttachedPoliciesRequest request = call.input(ListAttachedPoliciesRequest.class);
    boolean recursive = Boolean.TRUE.equals(request.recursive());
    return attachedPolicies(
        call, request.target(), recursive, request.pageSize(), request.marker());
  }

  Object listPrincipalPolicies(Call call) {
    ListPrincipalPoliciesRequest request = call.input(ListPrincipalPoliciesRequest.class);
    return attachedPolicies(call, request.principal(), false, request.pageSize(), request.marker());
  }

  private PoliciesResponse attachedPolicies(
      Call call, String target, boolean recursive, Integer pageSize, String marker) {
    Object[] filters = {target, recursive};
    PageRequest page =
        pages.request(call, pageSize, marker, ThingOperations.DEFAULT_PAGE_SIZE, filters);
    Page<String> result = policies.attachedPolicies(call.scope(), target, recursive, page);
    return new PoliciesResponse(
        summaries(call.scope(), result.items()), pages.next(call, result, filters));
  }

  Object listTargets(Call call) {
    ListTargetsForPolicyRequest request = call.input(ListTargetsForPolicyRequest.class);
    Page<String> result =
        policies.targets(
            call.scope(),
            request.policyName(),
            page(call, request.policyName(), request.pageSize(), request.marker()));
    return new ListTargetsForPolicyResponse(
        result.items(), pages.next(call, result, request.policyName()));
  }

  Object listPolicyPrincipals(Call call) {
    ListPolicyPrincipalsRequest request = call.input(ListPolicyPrincipalsRequest.class);
    Page<String> result =
        policies.principals(
            call.scope(),
            request.policyName(),
            page(call, request.policyName(), request.pageSize(), request.marker()));
    return new ListPolicyPrincipalsResponse(
        result.items(), pages.next(call, result, request.policyName()));
  }

  private PageRequest page(Call call, String policyName, Integer pageSize, String marker) {
    return pages.request(call, pageSize, marker, ThingOperations.DEFAULT_PAGE_SIZE, policyName);
  }

  Object effective(Call call) {
    GetEffectivePoliciesRequest request = call.input(GetEffectivePoliciesRequest.class);
    return new GetEffectivePoliciesResponse(
        policies.effectivePolicies(call.scope(), request.principal(), request.thingName()).stream()
            .map(
                p ->
                    new EffectivePolicy(
                        p.policy().name(),
                        arn(call.scope(), p.policy().name()),
                        p.version().document()))
            .toList());
  }

  Object testAuthorization(Call call) {
    TestAuthorizationRequest request = call.input(TestAuthorizationRequest.class);
    List<AuthorizationCheck> checks =
        request.authInfos().stream()
            .map(info -> new AuthorizationCheck(info.actionType(), info.resources()))
            .toList();
    List<AuthorizationResult> results =
        policies.testAuthorization(
            call.scope(),
            new AuthorizationTest(
                request.principal(),
                request.clientId(),
                checks,
                request.policyNamesToAdd(),
                request.policyNamesToSkip()));
    Scope scope = call.scope();
    return new TestAuthorizationResponse(
        results.stream()
            .map(
                r ->
                    new AuthResult(
                        new AuthInfo(r.check().actionType(), r.check().resources()),
                        new PolicyList(summaries(scope, r.allowedBy())),
                        new Denied(
                            new PolicyList(summaries(scope, r.implicitlyDeniedBy())),
                            new PolicyList(summaries(scope, r.explicitlyDeniedBy()))),
                        r.decision(),
                        r.missingContextValues()))
            .toList());
  }

  private static List<PolicySummary> summaries(Scope scope, List<String> names) {
    return names.stream().map(n -> new PolicySummary(n, arn(scope, n))).toList();
  }

  static String arn(Scope scope, String policyName) {
    return Arn.of(scope, ResourceType.POLICY, policyName).toString();
  }
}
