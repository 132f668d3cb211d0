package dev.lamplighter.security.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.registry.ThingService;
import dev.lamplighter.security.authorization.AuthorizationCheck;
import dev.lamplighter.security.authorization.AuthorizationResult;
import dev.lamplighter.security.authorization.AuthorizationTest;
import dev.lamplighter.security.authorization.ConnectionPolicies;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyVersion;
import dev.lamplighter.security.authorization.PolicyWithDefault;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.policy.PolicyContext;
import dev.lamplighter.security.policy.PolicyEvaluator;
import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import dev.lamplighter.security.policy.PolicyEvaluator.Outcome;
import dev.lamplighter.security.principals.ThingPrincipal;
import dev.lamplighter.security.spi.SecurityPorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Which policies are in force for a principal and its thing, and what they decide: the policies
 * attached to the certificate, then those of every group the thing is in, ancestors included (a
 * policy on a group applies to the things of its child groups too).
 */
public final class PolicyResolver {
  private static final int PAGE = 250;
  private static final Map<String, String> ACTIONS =
      Map.of(
          "PUBLISH", "iot:Publish",
          "SUBSCRIBE", "iot:Subscribe",
          "RECEIVE", "iot:Receive",
          "CONNECT", "iot:Connect");

  private final SecurityPorts ports;
  private final ThingService things;
  private final ThingGroupService groups;
  private final Clock clock;
  private final CompiledPolicies compiled = new CompiledPolicies(1024);

  public PolicyResolver(
      SecurityPorts ports, ThingService things, ThingGroupService groups, Clock clock) {
    this.ports = ports;
    this.things = things;
    this.groups = groups;
    this.clock = clock;
  }

  /**
   * The ARN of a policy target of the caller's scope.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for anything but a
   *     certificate or thing group ARN; RESOURCE_NOT_FOUND for one of another scope
   */
  String targetArn(Scope scope, String target) {
    Arn arn =
        Arn.parse(target)
            .filter(
                a -> a.type() == ResourceType.CERTIFICATE || a.type() == ResourceType.THING_GROUP)
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "%s is not the ARN of a certificate or a thing group.", target));
    if (!arn.scope().equals(scope)) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("The target %s does not exist.", target);
    }
    return arn.toString();
  }

  /** As {@link #targetArn}, and the target must exist. */
  String existingTarget(Scope scope, String target) {
    String targetArn = targetArn(scope, target);
    Arn arn = Arn.parse(targetArn).orElseThrow();
    if (arn.type() == ResourceType.CERTIFICATE) {
      Principals.certificate(ports.certificates(), scope, targetArn);
    } else {
      groups.describe(scope, arn.name());
    }
    return targetArn;
  }

  /**
   * As {@link #existingTarget}, and a thing group target must be static: AWS refuses to apply a
   * policy to a dynamic thing group.
   */
  String attachableTarget(Scope scope, String target) {
    String targetArn = existingTarget(scope, target);
    Arn arn = Arn.parse(targetArn).orElseThrow();
    if (arn.type() == ResourceType.THING_GROUP
        && groups.describe(scope, arn.name()).dynamic() != null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Policies cannot be attached to dynamic thing group %s.", arn.name());
    }
    return targetArn;
  }

  /** Names of the policies attached to a target, and with {@code recursive} to its ancestors. */
  List<String> attachedPolicyNames(Scope scope, String target, boolean recursive) {
    String targetArn = existingTarget(scope, target);
    Arn arn = Arn.parse(targetArn).orElseThrow();
    if (!recursive || arn.type() != ResourceType.THING_GROUP) {
      return ports.policyAttachments().policiesOf(scope, targetArn);
    }
    Set<String> names = new TreeSet<>();
    for (String group : groups.describe(scope, arn.name()).selfAndAncestors()) {
      names.addAll(ports.policyAttachments().policiesOf(scope, groupArn(scope, group)));
    }
    return List.copyOf(names);
  }

  List<PolicyWithDefault> effectivePolicies(Scope scope, String principal, String thingName) {
    if ((principal == null || principal.isEmpty()) && (thingName == null || thingName.isEmpty())) {
      throw ErrorCode.INVALID_REQUEST.exception("Specify a principal, a thing name, or both.");
    }
    return policyNames(scope, principal, thingName).stream()
        .map(name -> withDefault(scope, name))
        .toList();
  }

  private Set<String> policyNames(Scope scope, String principal, String thingName) {
    Set<String> names = new LinkedHashSet<>();
    if (principal != null && !principal.isEmpty()) {
      Certificate certificate = Principals.certificate(ports.certificates(), scope, principal);
      names.addAll(
          ports
              .policyAttachments()
              .policiesOf(scope, Principals.arnOf(scope, certificate.certificateId())));
    }
    if (thingName != null && !thingName.isEmpty()) {
      things.describe(scope, thingName);
      for (String group : groupsOf(scope, thingName)) {
        for (String inherited : groups.describe(scope, group).selfAndAncestors()) {
          names.addAll(ports.policyAttachments().policiesOf(scope, groupArn(scope, inherited)));
        }
      }
    }
    return names;
  }

  private List<String> groupsOf(Scope scope, String thingName) {
    List<String> all = new ArrayList<>();
    PageRequest page = PageRequest.first(PAGE);
    while (true) {
      Page<String> batch = groups.listGroupsForThing(scope, thingName, page);
      all.addAll(batch.items());
      if (batch.next().isEmpty()) {
        return all;
      }
      page = PageRequest.after(batch.next().get(), PAGE);
    }
  }

  List<AuthorizationResult> test(Scope scope, AuthorizationTest test) {
    ConnectionPolicies connection =
        connection(
            scope,
            test.principal(),
            test.clientId(),
            null,
            names -> {
              names.removeAll(test.policyNamesToSkip());
              names.addAll(test.policyNamesToAdd());
            });
    return test.checks().stream()
        .map(check -> decide(check, connection.policies(), connection.context()))
        .toList();
  }

  /**
   * The policies and context of a connection of {@code principal} (a certificate ARN) with {@code
   * clientId} from {@code sourceIp} (or null); {@code adjust} may change the set of policy names
   * before they are loaded.
   */
  ConnectionPolicies connection(
      Scope scope,
      String principal,
      String clientId,
      String sourceIp,
      Consumer<Set<String>> adjust) {
    Certificate certificate = Principals.certificate(ports.certificates(), scope, principal);
    String principalArn = Principals.arnOf(scope, certificate.certificateId());
    Optional<Thing> thing = connectedThing(scope, principalArn, clientId);
    Set<String> names = policyNames(scope, principalArn, thing.map(Thing::name).orElse(null));
    adjust.accept(names);
    List<NamedPolicy> policies = new ArrayList<>();
    for (String name : names) {
      PolicyWithDefault policy = withDefault(scope, name);
      policies.add(new NamedPolicy(name, compiled.compile(policy.version().document())));
    }
    PolicyContext context =
        AuthorizationContexts.forConnection(
            certificate.certificateId(),
            certificate.pem(),
            clientId,
            sourceIp,
            thing.orElse(null),
            thing.isPresent(),
            clock.instant());
    return new ConnectionPolicies(policies, context, thing.map(Thing::name).orElse(null));
  }

  /**
   * The thing a connection of this principal acts for: the attached thing named like the client id,
   * else the only thing the principal is attached to.
   */
  private Optional<Thing> connectedThing(Scope scope, String principal, String clientId) {
    List<ThingPrincipal> attached = ports.thingPrincipals().thingsOf(scope, principal, null, PAGE);
    Optional<String> name =
        attached.stream()
            .map(ThingPrincipal::thingName)
            .filter(n -> n.equals(clientId))
            .findFirst()
            .or(
                () ->
                    attached.size() == 1
                        ? Optional.of(attached.get(0).thingName())
                        : Optional.empty());
    return name.map(n -> things.describe(scope, n));
  }

  private static AuthorizationResult decide(
      AuthorizationCheck check, List<NamedPolicy> policies, PolicyContext context) {
    String action = ACTIONS.get(check.actionType().toUpperCase(Locale.ROOT));
    if (action == null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "actionType %s is not one of PUBLISH, SUBSCRIBE, RECEIVE, CONNECT.", check.actionType());
    }
    Set<String> allowed = new LinkedHashSet<>();
    Set<String> denied = new LinkedHashSet<>();
    Set<String> missing = new LinkedHashSet<>();
    boolean allAllowed = !check.resources().isEmpty();
    for (String resource : check.resources()) {
      Decision decision = PolicyEvaluator.evaluate(policies, action, resource, context);
      allowed.addAll(decision.allowedBy());
      denied.addAll(decision.deniedBy());
      missing.addAll(decision.missingContextValues());
      allAllowed &= decision.outcome() == Outcome.ALLOWED;
    }
    String outcome =
        !denied.isEmpty()
            ? Outcome.EXPLICIT_DENY.name()
            : allAllowed ? Outcome.ALLOWED.name() : Outcome.IMPLICIT_DENY.name();
    List<String> implicit =
        policies.stream()
            .map(NamedPolicy::name)
            .filter(n -> !allowed.contains(n) && !denied.contains(n))
            .toList();
    return new AuthorizationResult(
        check, outcome, List.copyOf(allowed), List.copyOf(denied), implicit, List.copyOf(missing));
  }

  private PolicyWithDefault withDefault(Scope scope, String name) {
    Policy policy =
        ports
            .policies()
            .find(scope, name)
            .orElseThrow(
                () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Policy %s does not exist.", name));
    PolicyVersion version =
        ports.policies().findVersion(scope, name, policy.defaultVersionId()).orElseThrow();
    return new PolicyWithDefault(policy, version);
  }

  private static String groupArn(Scope scope, String group) {
    return Arn.of(scope, ResourceType.THING_GROUP, group).toString();
  }
}
