package dev.lamplighter.api.iot;

import java.time.Instant;
import java.util.List;

/** Wire records of the policy and principal operations, named after the AWS model. */
final class PolicyShapes {
  private PolicyShapes() {}

  record CreatePolicyRequest(String policyName, String policyDocument, List<TagShapes.Tag> tags) {}

  record CreatePolicyResponse(
      String policyName, String policyArn, String policyDocument, String policyVersionId) {}

  record PolicyNameRequest(String policyName) {}

  record GetPolicyResponse(
      String policyName,
      String policyArn,
      String policyDocument,
      String defaultVersionId,
      Instant creationDate,
      Instant lastModifiedDate,
      String generationId) {}

  record PagedRequest(Integer pageSize, String marker, Boolean ascendingOrder) {}

  record PolicySummary(String policyName, String policyArn) {}

  record PoliciesResponse(List<PolicySummary> policies, String nextMarker) {}

  record CreatePolicyVersionRequest(
      String policyName, String policyDocument, Boolean setAsDefault) {}

  record CreatePolicyVersionResponse(
      String policyArn, String policyDocument, String policyVersionId, Boolean isDefaultVersion) {}

  record PolicyVersionRequest(String policyName, String policyVersionId) {}

  record GetPolicyVersionResponse(
      String policyArn,
      String policyName,
      String policyDocument,
      String policyVersionId,
      Boolean isDefaultVersion,
      Instant creationDate,
      Instant lastModifiedDate,
      String generationId) {}

  record PolicyVersionSummary(String versionId, Boolean isDefaultVersion, Instant createDate) {}

  record ListPolicyVersionsResponse(List<PolicyVersionSummary> policyVersions) {}

  record PolicyTargetRequest(String policyName, String target) {}

  record ListAttachedPoliciesRequest(
      String target, Boolean recursive, String marker, Integer pageSize) {}

  record ListTargetsForPolicyRequest(String policyName, String marker, Integer pageSize) {}

  record ListTargetsForPolicyResponse(List<String> targets, String nextMarker) {}

  record PrincipalPolicyRequest(String policyName, String principal) {}

  record ListPrincipalPoliciesRequest(
      String principal, String marker, Integer pageSize, Boolean ascendingOrder) {}

  record ListPolicyPrincipalsRequest(
      String policyName, String marker, Integer pageSize, Boolean ascendingOrder) {}

  record ListPolicyPrincipalsResponse(List<String> principals, String nextMarker) {}

  record GetEffectivePoliciesRequest(String principal, String thingName) {}

  record EffectivePolicy(String policyName, String policyArn, String policyDocument) {}

  record GetEffectivePoliciesResponse(List<EffectivePolicy> effectivePolicies) {}

  record AuthInfo(String actionType, List<String> resources) {}

  record TestAuthorizationRequest(
      String principal,
      List<AuthInfo> authInfos,
      String clientId,
      List<String> policyNamesToAdd,
      List<String> policyNamesToSkip) {}

  record PolicyList(List<PolicySummary> policies) {}

  record Denied(PolicyList implicitDeny, PolicyList explicitDeny) {}

  record AuthResult(
      AuthInfo authInfo,
      PolicyList allowed,
      Denied denied,
      String authDecision,
      List<String> missingContextValues) {}

  record TestAuthorizationResponse(List<AuthResult> authResults) {}

  record ThingPrincipalRequest(String thingName, String principal, String thingPrincipalType) {}

  record ListThingPrincipalsRequest(
      String thingName, String nextToken, Integer maxResults, String thingPrincipalType) {}

  record ListThingPrincipalsResponse(List<String> principals, String nextToken) {}

  record ThingPrincipalObject(String principal, String thingPrincipalType) {}

  record ListThingPrincipalsV2Response(
      List<ThingPrincipalObject> thingPrincipalObjects, String nextToken) {}

  record ListPrincipalThingsRequest(
      String principal, String nextToken, Integer maxResults, String thingPrincipalType) {}

  record PrincipalThingObject(String thingName, String thingPrincipalType) {}

  record ListPrincipalThingsV2Response(
      List<PrincipalThingObject> principalThingObjects, String nextToken) {}
}
