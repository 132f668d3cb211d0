package dev.lamplighter.bench.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE COMPARISON PEER, NOT LAMPLIGHTER'S EVALUATOR: the straightforward way to evaluate IoT
 * policies, measured beside {@code dev.lamplighter.security.policy.PolicyEvaluator} so that the
 * report can show what compiling buys.
 *
 * <p>It keeps each statement as the strings of the JSON and, for every evaluation, substitutes the
 * policy variables into each Action and Resource pattern, turns the result into a {@link
 * java.util.regex.Pattern} (literal text quoted, {@code *} as {@code .*}, {@code ?} as {@code .})
 * and matches it. The logic is the same (explicit deny wins, default deny, a variable without a
 * value matches nothing), for the condition operators the benchmark's policies use ({@code
 * StringEquals}, {@code StringLike}, {@code Bool}, {@code DateLessThan}); its decisions on those
 * policies agree with the real evaluator (checked by {@code PolicySetTest}).
 */
public final class NaiveEvaluator {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final List<NaivePolicy> policies = new ArrayList<>();

  /** Reads the documents (name to JSON, in evaluation order) once; evaluation does the rest. */
  public NaiveEvaluator(Map<String, String> documents) {
    ObjectMapper json = new ObjectMapper();
    documents.forEach(
        (name, text) -> {
          try {
            List<NaiveStatement> statements = new ArrayList<>();
            for (JsonNode statement : json.readTree(text).get("Statement")) {
              statements.add(
                  new NaiveStatement(
                      statement.get("Effect").asText().equals("Allow"),
                      strings(statement.get("Action")),
                      strings(statement.get("Resource")),
                      conditions(statement.get("Condition"))));
            }
            policies.add(new NaivePolicy(name, statements));
          } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy " + name + " is not JSON", e);
          }
        });
  }

  /** Whether {@code action} on {@code resource} is allowed with the given variable values. */
  public boolean allowed(String action, String resource, Map<String, String> variables) {
    boolean allowed = false;
    for (NaivePolicy policy : policies) {
      for (NaiveStatement statement : policy.statements()) {
        if (matchesAny(statement.actions(), action, variables, true)
            && matchesAny(statement.resources(), resource, variables, false)
            && conditionsHold(statement.conditions(), variables)) {
          if (!statement.allow()) {
            return false;
          }
          allowed = true;
        }
      }
    }
    return allowed;
  }

  private static boolean matchesAny(
      List<String> patterns, String value, Map<String, String> variables, boolean ignoreCase) {
    for (String pattern : patterns) {
      String substituted = substitute(pattern, variables, true);
      if (substituted != null) {
        Pattern regex = Pattern.compile(substituted, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        if (regex.matcher(value).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The pattern as a regular expression ({@code asRegex}) or as plain text, its variables replaced
   * by their values; null when a variable has no value.
   */
  private static String substitute(String pattern, Map<String, String> variables, boolean asRegex) {
    StringBuilder out = new StringBuilder();
    Matcher variable = VARIABLE.matcher(pattern);
    int at = 0;
    while (variable.find()) {
      out.append(
          asRegex
              ? glob(pattern.substring(at, variable.start()))
              : pattern.substring(at, variable.start()));
      String value = variables.get(variable.group(1));
      if (value == null) {
        return null;
      }
      out.append(asRegex ? Pattern.quote(value) : value);
      at = variable.end();
    }
    out.append(asRegex ? glob(pattern.substring(at)) : pattern.substring(at));
    return out.toString();
  }

  private static String glob(String text) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return regex.toString();
  }

  private static boolean conditionsHold(
      Map<String, Map<String, List<String>>> conditions, Map<String, String> variables) {
    for (Map.Entry<String, Map<String, List<String>>> operator : conditions.entrySet()) {
      for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
        String actual = variables.get(key.getKey());
        if (actual == null) {
          return false;
        }
        boolean any = false;
        for (String expected : key.getValue()) {
          any |= holds(operator.getKey(), actual, expected, variables);
        }
        if (!any) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(
      String operator, String actual, String expected, Map<String, String> variables) {
    switch (operator) {
      case "StringEquals":
        return actual.equals(substitute(expected, variables, false));
      case "StringLike":
        String regex = substitute(expected, variables, true);
        return regex != null && Pattern.compile(regex).matcher(actual).matches();
      case "Bool":
        return actual.equalsIgnoreCase(expected);
      case "DateLessThan":
        return Instant.parse(actual).isBefore(Instant.parse(expected));
      default:
        throw new IllegalArgumentException("the naive evaluator has no " + operator);
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  private static Map<String, Map<String, List<String>>> conditions(JsonNode node) {
    Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
    if (node != null) {
      for (Map.Entry<String, JsonNode> operator : node.properties()) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
          keys.put(key.getKey(), strings(key.getValue()));
        }
        conditions.put(operator.getKey(), keys);
      }
    }
    return conditions;
  }

  private record NaivePolicy(String name, List<NaiveStatement> statements) {}

  private record NaiveStatement(
      boolean allow,
      List<String> actions,
      List<String> resources,
      Map<String, Map<String, List<String>>> conditions) {}
}
