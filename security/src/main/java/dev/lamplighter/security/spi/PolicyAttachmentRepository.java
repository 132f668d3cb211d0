package dev.lamplighter.security.spi;

import dev.lamplighter.core.tenancy.Scope;
import java.util.List;

/**
 * Which policies are attached to which targets. A target is named by its ARN: a certificate, a
 * thing group, or (for the older principal operations) any principal ARN.
 */
public interface PolicyAttachmentRepository {

  /** Attaches; false when it was attached already. */
  boolean attach(Scope scope, String policyName, String targetArn);

  /** Detaches; false when it was not attached. */
  boolean detach(Scope scope, String policyName, String targetArn);

  /** Names of the policies attached to the target, in name order. */
  List<String> policiesOf(Scope scope, String targetArn);

  /** Targets of the policy that sort after {@code afterTarget}, in ARN order. */
  List<String> targetsOf(Scope scope, String policyName, String afterTarget, int limit);

  /** Whether the policy is attached to anything. */
  boolean isAttached(Scope scope, String policyName);

  /** Detaches every policy from the target (when the target is deleted). */
  void detachAll(Scope scope, String targetArn);
}
