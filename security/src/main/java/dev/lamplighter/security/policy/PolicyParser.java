package dev.lamplighter.security.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy document and checks it against AWS IoT's rules, compiling each statement. The only
 * class of the package that sees JSON.
 *
 * <p>The rules: at most 2048 characters not counting white space; a JSON object with {@code
 * Version} "2012-10-17", an optional {@code Id} and a {@code Statement} (one object or a non-empty
 * array); each statement with an optional {@code Sid}, an {@code Effect} of "Allow" or "Deny", an
 * {@code Action} and a {@code Resource} (a string or a non-empty array of strings) and an optional
 * {@code Condition}. Every action must be one AWS IoT defines, or a wildcard pattern that matches
 * one; every resource must be {@code *} or an ARN. {@code NotAction}, {@code NotResource}, {@code
 * Principal} and {@code NotPrincipal} are refused: AWS documents no such elements for IoT policies,
 * and accepting one without its meaning would grant more than the author wrote. Duplicate keys are
 * refused too, since JSON does not say which of them would count.
 */
final class PolicyParser {
  /** AWS's limit on a policy document: 2048 characters, white space not counted. */
  static final int MAX_CHARACTERS = 2048;

  /** The one policy language version AWS IoT accepts. */
  static final String VERSION = "2012-10-17";

  private static final Set<String> UNSUPPORTED_ELEMENTS =
      Set.of("NotAction", "NotResource", "Principal", "NotPrincipal");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PolicyParser() {}

  /**
   * The compiled statements of {@code text}, in document order.
   *
   * @throws dev.lamplighter.core.error.ServiceException {@code MALFORMED_POLICY} naming the first
   *     problem found
   */
  static Statement[] parse(String text) {
    int characters = countNonWhitespace(text);
    if (characters > MAX_CHARACTERS) {
      throw Malformed.because(
          "The policy document has "
              + characters
              + " characters not counting white space; the limit is "
              + MAX_CHARACTERS);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw Malformed.because("Invalid policy syntax. " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw Malformed.because("Invalid policy syntax. The document is not a JSON object");
    }
    JsonNode version = null;
    JsonNode statements = null;
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      switch (field.getKey()) {
        case "Version" -> version = field.getValue();
        case "Statement" -> statements = field.getValue();
        case "Id" -> requireText(field.getValue(), "Id");
        default -> throw Malformed.because("Unknown policy element: " + field.getKey());
      }
    }
    if (version == null) {
      throw Malformed.because("The policy has no Version; AWS IoT accepts \"" + VERSION + "\"");
    }
    if (!version.isTextual() || !version.asText().equals(VERSION)) {
      throw Malformed.because(
          "Unsupported policy version " + version + "; AWS IoT accepts \"" + VERSION + "\"");
    }
    if (statements == null) {
      throw Malformed.because("The policy has no Statement");
    }
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    if (list.isEmpty()) {
      throw Malformed.because("The policy's Statement is an empty list");
    }
    Statement[] compiled = new Statement[list.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = statement(list.get(i), i + 1);
    }
    return compiled;
  }

  private static int countNonWhitespace(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  private static Statement statement(JsonNode node, int number) {
    if (!node.isObject()) {
      throw Malformed.because("Statement " + number + " is not a JSON object");
    }
    JsonNode effect = null;
    JsonNode action = null;
    JsonNode resource = null;
    JsonNode condition = null;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      switch (name) {
        case "Sid" -> requireText(field.getValue(), "Sid");
        case "Effect" -> effect = field.getValue();
        case "Action" -> action = field.getValue();
        case "Resource" -> resource = field.getValue();
        case "Condition" -> condition = field.getValue();
        default -> {
          if (UNSUPPORTED_ELEMENTS.contains(name)) {
            throw Malformed.because(name + " is not supported in AWS IoT policies");
          }
          throw Malformed.because("Unknown element \"" + name + "\" in statement " + number);
        }
      }
    }
    boolean allow = effect(effect, number);
    List<String> actions = strings(action, "Action", number);
    List<String> resources = strings(resource, "Resource", number);

    List<String> invalidActions = new ArrayList<>();
    Template[] actionPatterns = new Template[actions.size()];
    long mask = 0;
    for (int i = 0; i < actionPatterns.length; i++) {
      String text = actions.get(i);
      actionPatterns[i] = Template.parse(text, true);
      long matched = IotActions.wellFormed(text) ? IotActions.mask(actionPatterns[i]) : 0;
      if (matched == 0) {
        invalidActions.add(text);
      }
      mask |= matched;
    }
    if (!invalidActions.isEmpty()) {
      throw Malformed.because("The following actions are invalid : " + join(invalidActions));
    }

    List<String> invalidResources = new ArrayList<>();
    Template[] templates = new Template[resources.size()];
    for (int i = 0; i < templates.length; i++) {
      String text = resources.get(i);
      if (!text.equals("*") && !ArnPattern.shapedLikeArn(text)) {
        invalidResources.add(text);
      }
      templates[i] = Template.parse(text, true);
    }
    if (!invalidResources.isEmpty()) {
      throw Malformed.because("The following resources are invalid : " + join(invalidResources));
    }
    return new Statement(allow, mask, actionPatterns, templates, conditions(condition, number));
  }

  private static boolean effect(JsonNode effect, int number) {
    if (effect == null) {
      throw Malformed.because(
          "Statement " + number + " has no Effect; it must be \"Allow\" or \"Deny\"");
    }
    if (effect.isTextual() && effect.asText().equals("Allow")) {
      return true;
    }
    if (effect.isTextual() && effect.asText().equals("Deny")) {
      return false;
    }
    throw Malformed.because(
        "Invalid Effect "
            + effect
            + " in statement "
            + number
            + "; it must be \"Allow\" or \"Deny\"");
  }

  /** The values of an Action or Resource element: one string or a non-empty array of strings. */
  private static List<String> strings(JsonNode node, String element, int number) {
    if (node == null) {
      throw Malformed.because("Statement " + number + " has no " + element);
    }
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw Malformed.because(
              element + " of statement " + number + " must be a string or an array of strings");
        }
        values.add(item.asText());
      }
    } else {
      throw Malformed.because(
          element + " of statement " + number + " must be a string or an array of strings");
    }
    if (values.isEmpty()) {
      throw Malformed.because("Statement " + number + " has an empty " + element);
    }
    for (String value : values) {
      if (value.isEmpty()) {
        throw Malformed.because("Statement " + number + " has an empty string in its " + element);
      }
    }
    return values;
  }

  private static ConditionClause[] conditions(JsonNode node, int number) {
    if (node == null) {
      return new ConditionClause[0];
    }
    if (!node.isObject()) {
      throw Malformed.because("Condition of statement " + number + " must be a JSON object");
    }
    List<ConditionClause> clauses = new ArrayList<>();
    for (Map.Entry<String, JsonNode> operator : node.properties()) {
      if (!operator.getValue().isObject() || operator.getValue().isEmpty()) {
        throw Malformed.because(
            "Condition "
                + operator.getKey()
                + " of statement "
                + number
                + " must map condition keys to values");
      }
      for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
        clauses.add(
            ConditionClause.compile(
                operator.getKey(), key.getKey(), conditionValues(key.getValue(), number)));
      }
    }
    return clauses.toArray(new ConditionClause[0]);
  }

  /** A condition's values: a string, number or boolean, or an array of them. */
  private static List<String> conditionValues(JsonNode node, int number) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        values.add(scalar(item, number));
      }
    } else {
      values.add(scalar(node, number));
    }
    return values;
  }

  private static String scalar(JsonNode node, int number) {
    if (node.isTextual() || node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    throw Malformed.because(
        "Condition values of statement " + number + " must be strings, numbers or booleans");
  }

  private static void requireText(JsonNode node, String element) {
    if (!node.isTextual()) {
      throw Malformed.because(element + " must be a string");
    }
  }

  private static String join(List<String> values) {
    return String.join(", ", values);
  }
}
