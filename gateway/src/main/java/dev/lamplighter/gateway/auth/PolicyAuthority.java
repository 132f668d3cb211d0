package dev.lamplighter.gateway.auth;

import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.ConnectionPolicies;
import dev.lamplighter.security.policy.PolicyEvaluator;

/**
 * The rights of one MQTT connection under AWS IoT policies: iot:Publish on {@code topic/…},
 * iot:Subscribe on {@code topicfilter/…}, iot:Receive on {@code topic/…}.
 *
 * <p>Design: the connection's policies, context and decision caches form one immutable-once-built
 * {@link Rights} snapshot held in a volatile field. The broker's event loop only reads it; when the
 * registry changes, {@link RegistryChangeFollower} loads fresh policies off the event loop and
 * swaps in a new snapshot, which drops every cached decision at once. {@link #revoke} swaps in a
 * snapshot that allows nothing while the connection is being closed.
 */
public final class PolicyAuthority implements ConnectionAuthority {
  /** Decisions kept per action: a device uses few topics; more only costs evaluations. */
  static final int CACHE_CAPACITY = 128;

  private final Resources resources;
  private volatile Rights rights;

  PolicyAuthority(Scope scope, ConnectionPolicies policies) {
    this.resources = new Resources(scope);
    this.rights = new Rights(policies);
  }

  /** Replaces the policies and context; decisions made under the old ones are forgotten. */
  void replace(ConnectionPolicies policies) {
    rights = new Rights(policies);
  }

  /** Allows nothing from now on: the connection no longer passes iot:Connect. */
  void revoke() {
    rights = null;
  }

  /** Whether {@link #revoke} was called. */
  boolean revoked() {
    return rights == null;
  }

  @Override
  public boolean mayPublish(String topic) {
    Rights current = rights;
    return current != null && current.publish.allowed(topic);
  }

  @Override
  public boolean maySubscribe(String topicFilter) {
    Rights current = rights;
    return current != null && current.subscribe.allowed(topicFilter);
  }

  @Override
  public boolean mayReceive(String topic) {
    Rights current = rights;
    return current != null && current.receive.allowed(topic);
  }

  /** One snapshot of the connection's policies with the decisions made under them. */
  private final class Rights {
    private final ConnectionPolicies policies;
    private final DecisionCache publish;
    private final DecisionCache subscribe;
    private final DecisionCache receive;

    Rights(ConnectionPolicies policies) {
      this.policies = policies;
      this.publish =
          new DecisionCache(CACHE_CAPACITY, t -> allowed("iot:Publish", resources.topic(t)));
      this.subscribe =
          new DecisionCache(
              CACHE_CAPACITY, f -> allowed("iot:Subscribe", resources.topicFilter(f)));
      this.receive =
          new DecisionCache(CACHE_CAPACITY, t -> allowed("iot:Receive", resources.topic(t)));
    }

    private boolean allowed(String action, String resource) {
      return PolicyEvaluator.evaluate(policies.policies(), action, resource, policies.context())
          .allowed();
    }
  }
}
