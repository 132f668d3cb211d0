package dev.lamplighter.security.policy;

import java.util.Collection;

/**
 * One compiled statement: its effect, the known actions its Action element matches (a bit mask),
 * its Resource templates and its Condition clauses. A statement applies to a request when the
 * action is in the mask, one of its resources matches the resource ARN, and every clause is true.
 */
final class Statement {
  static final int NO_MATCH = 0;
  static final int MATCH = 1;

  /** Set beside the result when a value the statement needed was absent from the context. */
  static final int MISSING = 2;

  private final boolean allow;
  private final long actionMask;
  private final Template[] actionPatterns;
  private final Template[] resources;
  private final ConditionClause[] conditions;

  Statement(
      boolean allow,
      long actionMask,
      Template[] actionPatterns,
      Template[] resources,
      ConditionClause[] conditions) {
    this.allow = allow;
    this.actionMask = actionMask;
    this.actionPatterns = actionPatterns;
    this.resources = resources;
    this.conditions = conditions;
  }

  boolean allow() {
    return allow;
  }

  /** Whether the statement's Action element names the known action {@code actionId}. */
  boolean hasAction(int actionId) {
    return (actionMask & (1L << actionId)) != 0;
  }

  /** Whether the Action element matches an action that is not in {@link IotActions}. */
  boolean matchesUnknownAction(String action) {
    for (Template pattern : actionPatterns) {
      if (pattern.match(action, PolicyContext.empty(), true) == Template.MATCH) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the statement applies to {@code resourceArn}, its action being known to match: {@link
   * #MATCH} or {@link #NO_MATCH}, with {@link #MISSING} set when a variable or a condition key had
   * no value.
   */
  int evaluate(String resourceArn, PolicyContext context) {
    int missing = 0;
    boolean matched = false;
    for (Template resource : resources) {
      int result = resource.match(resourceArn, context, false);
      if (result == Template.MATCH) {
        matched = true;
        break;
      }
      if (result == Template.UNRESOLVED) {
        missing = MISSING;
      }
    }
    if (!matched) {
      return NO_MATCH | missing;
    }
    for (ConditionClause condition : conditions) {
      int result = condition.evaluate(context);
      if ((result & ConditionClause.MISSING) != 0) {
        missing = MISSING;
      }
      if ((result & ConditionClause.TRUE) == 0) {
        return NO_MATCH | missing;
      }
    }
    return MATCH | missing;
  }

  /**
   * Adds the names {@link #evaluate} found missing, evaluating the same way (a resource that
   * matches ends the resources; a false clause ends the conditions).
   */
  void addMissing(String resourceArn, PolicyContext context, Collection<String> names) {
    boolean matched = false;
    for (Template resource : resources) {
      int result = resource.match(resourceArn, context, false);
      if (result == Template.MATCH) {
        matched = true;
        break;
      }
      if (result == Template.UNRESOLVED) {
        resource.addUnresolved(context, names);
      }
    }
    if (!matched) {
      return;
    }
    for (ConditionClause condition : conditions) {
      int result = condition.evaluate(context);
      if ((result & ConditionClause.MISSING) != 0) {
        condition.addMissing(context, names);
      }
      if ((result & ConditionClause.TRUE) == 0) {
        return;
      }
    }
  }
}
