package dev.lamplighter.security.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Decides whether a principal may perform an action on a resource, with IAM's logic as AWS IoT
 * documents it: denied unless a statement allows; a matching Deny statement in any policy wins over
 * every Allow.
 *
 * <p>Pure and thread-safe: it reads the compiled documents and the context and allocates nothing
 * but the {@link Decision} (a decision that nothing matched is a shared constant), except when the
 * context lacks a value some statement needed, where a second pass names the missing values.
 *
 * <p>Actions match without regard to case, with {@code *} and {@code ?}. Resources match the ARN
 * with {@code *} (any sequence, {@code /} included) and {@code ?} (one character); MQTT's {@code +}
 * and {@code #} are plain characters. Policy variables are substituted from the context and
 * compared literally. A resource with a variable the context cannot resolve matches nothing, and so
 * does a condition with one; their names are reported in {@link Decision#missingContextValues}.
 */
public final class PolicyEvaluator {
  /** A policy attached to the principal, or to a thing group the principal's thing is in. */
  public record NamedPolicy(String name, PolicyDocument document) {
    public NamedPolicy {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(document, "document");
    }
  }

  /** The result of an evaluation. */
  public enum Outcome {
    ALLOWED,
    /** A Deny statement matched. */
    EXPLICIT_DENY,
    /** No statement matched: denied by default. */
    IMPLICIT_DENY
  }

  /**
   * An evaluation's outcome with the policies behind it.
   *
   * @param allowedBy the policies with a matching Allow statement, in the order given (also when a
   *     Deny overrides them)
   * @param deniedBy the policies with a matching Deny statement
   * @param missingContextValues the variables and condition keys that statements needed and the
   *     context did not have, each once
   */
  public record Decision(
      Outcome outcome,
      List<String> allowedBy,
      List<String> deniedBy,
      List<String> missingContextValues) {
    public Decision {
      Objects.requireNonNull(outcome, "outcome");
      allowedBy = List.copyOf(allowedBy);
      deniedBy = List.copyOf(deniedBy);
      missingContextValues = List.copyOf(missingContextValues);
    }

    public boolean allowed() {
      return outcome == Outcome.ALLOWED;
    }
  }

  private static final Decision NOTHING_MATCHED =
      new Decision(Outcome.IMPLICIT_DENY, List.of(), List.of(), List.of());

  /** Policies up to this many are tracked in one {@code long} each for allowed and denied. */
  private static final int FAST_POLICIES = 64;

  private PolicyEvaluator() {}

  /**
   * Evaluates {@code action} (such as {@code iot:Publish}) on {@code resourceArn} (such as {@code
   * arn:aws:iot:eu-west-1:111122223333:topic/lamps/lamp-42/state}) against {@code policies}.
   */
  public static Decision evaluate(
      List<NamedPolicy> policies, String action, String resourceArn, PolicyContext context) {
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resourceArn, "resourceArn");
    Objects.requireNonNull(context, "context");
    int count = policies.size();
    if (count > FAST_POLICIES || !(policies instanceof RandomAccess)) {
      return evaluateNamingMissing(List.copyOf(policies), action, resourceArn, context, false);
    }
    int actionId = IotActions.id(action);
    long allowed = 0;
    long denied = 0;
    boolean missing = false;
    for (int i = 0; i < count; i++) {
      PolicyDocument document = policies.get(i).document();
      Statement[] statements =
          actionId >= 0 ? document.statementsFor(actionId) : document.statements();
      long bit = 1L << i;
      for (Statement statement : statements) {
        boolean allow = statement.allow();
        if (((allow ? allowed : denied) & bit) != 0
            || (actionId < 0 && !statement.matchesUnknownAction(action))) {
          continue;
        }
        int result = statement.evaluate(resourceArn, context);
        missing |= (result & Statement.MISSING) != 0;
        if ((result & Statement.MATCH) != 0) {
          if (allow) {
            allowed |= bit;
          } else {
            denied |= bit;
          }
        }
      }
    }
    if (missing) {
      return evaluateNamingMissing(policies, action, resourceArn, context, true);
    }
    if (allowed == 0 && denied == 0) {
      return NOTHING_MATCHED;
    }
    return new Decision(
        denied != 0 ? Outcome.EXPLICIT_DENY : Outcome.ALLOWED,
        names(policies, allowed),
        names(policies, denied),
        List.of());
  }

  private static List<String> names(List<NamedPolicy> policies, long bits) {
    int count = Long.bitCount(bits);
    if (count == 0) {
      return List.of();
    }
    if (count == 1) {
      return List.of(policies.get(Long.numberOfTrailingZeros(bits)).name());
    }
    String[] names = new String[count];
    int n = 0;
    for (long rest = bits; rest != 0; rest &= rest - 1) {
      names[n++] = policies.get(Long.numberOfTrailingZeros(rest)).name();
    }
    return List.of(names);
  }

  /**
   * The same evaluation for any number of policies, naming the missing context values when {@code
   * nameMissing}. Off the hot path: it allocates freely.
   */
  private static Decision evaluateNamingMissing(
      List<NamedPolicy> policies,
      String action,
      String resourceArn,
      PolicyContext context,
      boolean nameMissing) {
    int actionId = IotActions.id(action);
    int count = policies.size();
    boolean[] allowed = new boolean[count];
    boolean[] denied = new boolean[count];
    Set<String> missing = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      PolicyDocument document = policies.get(i).document();
      Statement[] statements =
          actionId >= 0 ? document.statementsFor(actionId) : document.statements();
      for (Statement statement : statements) {
        boolean allow = statement.allow();
        if ((allow ? allowed[i] : denied[i])
            || (actionId < 0 && !statement.matchesUnknownAction(action))) {
          continue;
        }
        int result = statement.evaluate(resourceArn, context);
        if (nameMissing && (result & Statement.MISSING) != 0) {
          statement.addMissing(resourceArn, context, missing);
        }
        if ((result & Statement.MATCH) != 0) {
          if (allow) {
            allowed[i] = true;
          } else {
            denied[i] = true;
          }
        }
      }
    }
    List<String> allowedBy = new ArrayList<>();
    List<String> deniedBy = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (allowed[i]) {
        allowedBy.add(policies.get(i).name());
      }
      if (denied[i]) {
        deniedBy.add(policies.get(i).name());
      }
    }
    Outcome outcome =
        !deniedBy.isEmpty()
            ? Outcome.EXPLICIT_DENY
            : !allowedBy.isEmpty() ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
    return new Decision(outcome, allowedBy, deniedBy, new ArrayList<>(missing));
  }
}
