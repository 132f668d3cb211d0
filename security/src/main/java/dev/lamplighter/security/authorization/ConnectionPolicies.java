package dev.lamplighter.security.authorization;

import dev.lamplighter.security.policy.PolicyContext;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import java.util.List;
import java.util.Objects;

/**
 * What authorizes one MQTT connection: the policies in force for its certificate and thing, and the
 * context their variables resolve against. TestAuthorization and the MQTT gateway both build it
 * with {@link PolicyService#connectionPolicies}, so a test answers as the broker would.
 *
 * @param policies the default versions of the certificate's policies and of the thing's groups'
 *     (ancestors included), compiled, in that order
 * @param context the certificate's fields, the client id and the connected thing
 * @param thingName the thing the connection acts for, or null when there is none
 */
public record ConnectionPolicies(
    List<NamedPolicy> policies, PolicyContext context, String thingName) {
  public ConnectionPolicies {
    policies = List.copyOf(policies);
    Objects.requireNonNull(context, "context");
  }
}
