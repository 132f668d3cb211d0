package dev.lamplighter.security.policy;

import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import java.util.List;

/** Builds policy documents and requests for the tests of this package. */
final class Policies {
  static final String ARN = "arn:aws:iot:eu-west-1:111122223333:";

  private Policies() {}

  static String topic(String name) {
    return ARN + "topic/" + name;
  }

  static String topicFilter(String filter) {
    return ARN + "topicfilter/" + filter;
  }

  static String client(String clientId) {
    return ARN + "client/" + clientId;
  }

  /** A JSON string literal. */
  static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A document of the given statements (JSON objects). */
  static String document(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  static String allow(String action, String resource) {
    return statement("Allow", action, resource, null);
  }

  static String deny(String action, String resource) {
    return statement("Deny", action, resource, null);
  }

  /** A statement; {@code condition} is the JSON of the Condition element, or null. */
  static String statement(String effect, String action, String resource, String condition) {
    return "{\"Effect\":"
        + json(effect)
        + ",\"Action\":"
        + json(action)
        + ",\"Resource\":"
        + json(resource)
        + (condition == null ? "" : ",\"Condition\":" + condition)
        + "}";
  }

  /** A Condition element with one operator and one key. */
  static String condition(String operator, String key, String... values) {
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      array.append(i == 0 ? "" : ",").append(json(values[i]));
    }
    return "{" + json(operator) + ":{" + json(key) + ":" + array + "]}}";
  }

  static PolicyDocument policy(String... statements) {
    return PolicyDocument.parse(document(statements));
  }

  static Decision decide(
      PolicyDocument document, String action, String resource, PolicyContext context) {
    return PolicyEvaluator.evaluate(
        List.of(new NamedPolicy("policy", document)), action, resource, context);
  }
}
