package dev.lamplighter.security.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated and compiled AWS IoT policy document. Parse it once (when the policy or its version
 * is created, or loaded from the store) and evaluate it as often as needed.
 *
 * <p>Compilation turns each statement's actions into a bit mask over the actions AWS IoT defines,
 * and indexes the statements by action, so that evaluating {@code iot:Publish} looks only at the
 * statements that can allow or deny it. Resources and condition values become {@link Template}s.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyDocument {
  private static final Statement[] NONE = new Statement[0];

  private final String text;
  private final Statement[] statements;
  private final Statement[][] byAction;

  private PolicyDocument(String text, Statement[] statements) {
    this.text = text;
    this.statements = statements;
    this.byAction = new Statement[IotActions.count()][];
    for (int id = 0; id < byAction.length; id++) {
      List<Statement> matching = new ArrayList<>();
      for (Statement statement : statements) {
        if (statement.hasAction(id)) {
          matching.add(statement);
        }
      }
      byAction[id] = matching.isEmpty() ? NONE : matching.toArray(NONE);
    }
  }

  /**
   * Validates and compiles a policy document.
   *
   * @throws dev.lamplighter.core.error.ServiceException {@code MALFORMED_POLICY} with a message
   *     that names the problem: not JSON, a missing or unsupported Version, no Statement, an Effect
   *     other than Allow or Deny, an empty or unknown action, a resource that is neither {@code *}
   *     nor an ARN, an unsupported condition operator or value, or more than 2048 characters not
   *     counting white space
   */
  public static PolicyDocument parse(String json) {
    Objects.requireNonNull(json, "json");
    return new PolicyDocument(json, PolicyParser.parse(json));
  }

  /** The document exactly as it was given. */
  public String text() {
    return text;
  }

  /** The statements whose Action element names the known action {@code actionId}. */
  Statement[] statementsFor(int actionId) {
    return byAction[actionId];
  }

  /** All statements, in document order. */
  Statement[] statements() {
    return statements;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PolicyDocument document && document.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
