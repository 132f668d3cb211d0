package dev.lamplighter.security.policy;

import dev.lamplighter.security.policy.ConditionOperator.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;

/**
 * One key of one operator in a Condition block, such as {@code "StringEquals": {"iot:ClientId":
 * ["a", "b"]}}: true when the context's value of the key matches any of the values (none, for a
 * negated operator). A statement's clauses must all be true.
 *
 * <p>IAM's rules for absent keys hold: a plain operator is false, a negated one true, {@code
 * …IfExists} true, {@code ForAnyValue:} false, {@code ForAllValues:} true, and {@code Null} tests
 * exactly that. With {@code ForAnyValue:} (some) or {@code ForAllValues:} (every) each of a
 * multi-valued key's values is tested on its own; without a qualifier a multi-valued key matches
 * when any of its values does.
 *
 * <p>Values without variables are parsed into their type (number, time, address range, boolean)
 * when the policy is compiled, so a malformed value is a malformed policy; a value with variables
 * is substituted and parsed when it is evaluated, and a variable without a value makes the clause
 * false.
 */
final class ConditionClause {
  static final int FALSE = 0;
  static final int TRUE = 1;

  /** Set beside the result when the context lacked a value the clause needed. */
  static final int MISSING = 2;

  private static final String FOR_ANY_VALUE = "ForAnyValue:";
  private static final String FOR_ALL_VALUES = "ForAllValues:";
  private static final String IF_EXISTS = "IfExists";

  private enum Qualifier {
    NONE,
    ANY,
    ALL
  }

  private final ConditionOperator operator;
  private final Qualifier qualifier;
  private final boolean ifExists;
  private final ContextKey key;
  private final Value[] values;
  private final boolean nullMeansAbsent;

  private ConditionClause(
      ConditionOperator operator,
      Qualifier qualifier,
      boolean ifExists,
      ContextKey key,
      Value[] values,
      boolean nullMeansAbsent) {
    this.operator = operator;
    this.qualifier = qualifier;
    this.ifExists = ifExists;
    this.key = key;
    this.values = values;
    this.nullMeansAbsent = nullMeansAbsent;
  }

  /**
   * Compiles one clause.
   *
   * @throws dev.lamplighter.core.error.ServiceException {@code MALFORMED_POLICY} for an operator
   *     AWS does not support, an empty key or value list, or a value the operator cannot read
   */
  static ConditionClause compile(String operatorName, String keyName, List<String> rawValues) {
    String base = operatorName;
    Qualifier qualifier = Qualifier.NONE;
    if (base.startsWith(FOR_ANY_VALUE)) {
      qualifier = Qualifier.ANY;
      base = base.substring(FOR_ANY_VALUE.length());
    } else if (base.startsWith(FOR_ALL_VALUES)) {
      qualifier = Qualifier.ALL;
      base = base.substring(FOR_ALL_VALUES.length());
    }
    boolean ifExists = base.endsWith(IF_EXISTS) && base.length() > IF_EXISTS.length();
    if (ifExists) {
      base = base.substring(0, base.length() - IF_EXISTS.length());
    }
    ConditionOperator operator = ConditionOperator.named(base);
    if (operator == null
        || (operator == ConditionOperator.NULL && (ifExists || qualifier != Qualifier.NONE))) {
      throw Malformed.because("Unsupported condition operator: " + operatorName);
    }
    if (keyName.isBlank() || keyName.indexOf(':') <= 0) {
      throw Malformed.because(
          "Invalid condition key \""
              + keyName
              + "\" for "
              + operatorName
              + ": keys are prefix:name");
    }
    if (rawValues.isEmpty()) {
      throw Malformed.because("Condition " + operatorName + " on " + keyName + " has no values");
    }
    ContextKey key = ContextKey.of(keyName);
    if (operator == ConditionOperator.NULL) {
      if (rawValues.size() != 1 || parseBoolean(rawValues.get(0)) == null) {
        throw invalid(operatorName, keyName, String.join(", ", rawValues));
      }
      return new ConditionClause(
          operator, qualifier, false, key, new Value[0], parseBoolean(rawValues.get(0)));
    }
    Value[] values = new Value[rawValues.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Value.compile(operator.type(), rawValues.get(i));
      if (values[i] == null) {
        throw invalid(operatorName, keyName, rawValues.get(i));
      }
    }
    return new ConditionClause(operator, qualifier, ifExists, key, values, false);
  }

  private static RuntimeException invalid(String operatorName, String keyName, String value) {
    return Malformed.because(
        "Invalid value \"" + value + "\" for condition " + operatorName + " on " + keyName);
  }

  /** {@link #TRUE} or {@link #FALSE}, with {@link #MISSING} set when a value was absent. */
  int evaluate(PolicyContext context) {
    boolean multi = key.multiValued();
    List<String> list = multi ? key.values(context) : null;
    String single = multi ? null : key.value(context);
    int count = multi ? (list == null ? 0 : list.size()) : (single == null ? 0 : 1);
    if (operator == ConditionOperator.NULL) {
      return (count == 0) == nullMeansAbsent ? TRUE : FALSE;
    }
    for (Value value : values) {
      if (!value.resolves(context)) {
        return FALSE | MISSING;
      }
    }
    if (count == 0) {
      if (ifExists) {
        return TRUE;
      }
      boolean result =
          switch (qualifier) {
            case ALL -> true;
            case ANY -> false;
            case NONE -> operator.negated();
          };
      return (result ? TRUE : FALSE) | MISSING;
    }
    boolean negated = operator.negated();
    switch (qualifier) {
      case ALL:
        for (int i = 0; i < count; i++) {
          if (anyMatches(multi ? list.get(i) : single, context) == negated) {
            return FALSE;
          }
        }
        return TRUE;
      case ANY:
        for (int i = 0; i < count; i++) {
          if (anyMatches(multi ? list.get(i) : single, context) != negated) {
            return TRUE;
          }
        }
        return FALSE;
      default:
        boolean some = false;
        for (int i = 0; i < count && !some; i++) {
          some = anyMatches(multi ? list.get(i) : single, context);
        }
        return some != negated ? TRUE : FALSE;
    }
  }

  /** Adds the names of the key and variables this clause missed in {@code context}. */
  void addMissing(PolicyContext context, Collection<String> names) {
    if (operator == ConditionOperator.NULL) {
      return;
    }
    for (Value value : values) {
      value.addUnresolved(context, names);
    }
    boolean absent = key.multiValued() ? key.values(context) == null : key.value(context) == null;
    if (absent && !ifExists) {
      names.add(key.name());
    }
  }

  /** Whether one value of the context's matches any of the policy's values (no negation). */
  private boolean anyMatches(String actual, PolicyContext context) {
    switch (operator.type()) {
      case NUMERIC:
        double number = parseNumber(actual);
        for (Value value : values) {
          double expected = value.number(context);
          if (!Double.isNaN(number)
              && !Double.isNaN(expected)
              && operator.comparison().holds(Double.compare(number, expected))) {
            return true;
          }
        }
        return false;
      case DATE:
        long millis =
            key.kind() == ContextKey.Kind.CURRENT_TIME
                ? context.currentTimeMillis
                : parseMillis(actual);
        for (Value value : values) {
          long expected = value.millis(context);
          if (millis != Long.MIN_VALUE
              && expected != Long.MIN_VALUE
              && operator.comparison().holds(Long.compare(millis, expected))) {
            return true;
          }
        }
        return false;
      case IP_ADDRESS:
        byte[] address =
            key.kind() == ContextKey.Kind.SOURCE_IP
                ? context.sourceIpAddress
                : IpAddresses.parse(actual);
        for (Value value : values) {
          IpAddresses.Range range = value.range(context);
          if (range != null && range.contains(address)) {
            return true;
          }
        }
        return false;
      default:
        for (Value value : values) {
          if (value.matches(operator.type(), actual, context)) {
            return true;
          }
        }
        return false;
    }
  }

  static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static double parseNumber(String text) {
    if (text == null || text.isEmpty()) {
      return Double.NaN;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * A time as IAM reads date values: an ISO 8601 date-time (with offset, or UTC without), a date
   * (its start in UTC), or seconds since the epoch; {@link Long#MIN_VALUE} for anything else.
   */
  static long parseMillis(String text) {
    if (text == null || text.isEmpty()) {
      return Long.MIN_VALUE;
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return text.length() > 12 ? Long.MIN_VALUE : Long.parseLong(text) * 1000;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }

  @Override
  public String toString() {
    return (qualifier == Qualifier.ANY
            ? FOR_ANY_VALUE
            : qualifier == Qualifier.ALL ? FOR_ALL_VALUES : "")
        + operator.awsName()
        + (ifExists ? IF_EXISTS : "")
        + " "
        + key.name();
  }

  /**
   * One of the policy's values: a template (with its variables) and, when it has none, its typed
   * value parsed once.
   */
  private static final class Value {
    private final Template template;
    private final ArnPattern arn;
    private final double number;
    private final long millis;
    private final IpAddresses.Range range;
    private final Boolean bool;

    private Value(
        Template template,
        ArnPattern arn,
        double number,
        long millis,
        IpAddresses.Range range,
        Boolean bool) {
      this.template = template;
      this.arn = arn;
      this.number = number;
      this.millis = millis;
      this.range = range;
      this.bool = bool;
    }

    /** The compiled value, or null when a constant value is not of the operator's type. */
    static Value compile(Type type, String text) {
      if (type == Type.ARN) {
        return new Value(null, ArnPattern.parse(text), Double.NaN, Long.MIN_VALUE, null, null);
      }
      Template template = Template.parse(text, type == Type.STRING_LIKE);
      if (template.hasVariables()) {
        return new Value(template, null, Double.NaN, Long.MIN_VALUE, null, null);
      }
      switch (type) {
        case NUMERIC:
          double number = parseNumber(text);
          return Double.isNaN(number)
              ? null
              : new Value(template, null, number, Long.MIN_VALUE, null, null);
        case DATE:
          long millis = parseMillis(text);
          return millis == Long.MIN_VALUE
              ? null
              : new Value(template, null, Double.NaN, millis, null, null);
        case IP_ADDRESS:
          IpAddresses.Range range = IpAddresses.Range.parse(text);
          return range == null
              ? null
              : new Value(template, null, Double.NaN, Long.MIN_VALUE, range, null);
        case BOOL:
          Boolean bool = parseBoolean(text);
          return bool == null
              ? null
              : new Value(template, null, Double.NaN, Long.MIN_VALUE, null, bool);
        default:
          return new Value(template, null, Double.NaN, Long.MIN_VALUE, null, null);
      }
    }

    boolean resolves(PolicyContext context) {
      return arn != null ? arn.resolves(context) : template.resolves(context);
    }

    void addUnresolved(PolicyContext context, Collection<String> names) {
      if (arn != null) {
        arn.addUnresolved(context, names);
      } else {
        template.addUnresolved(context, names);
      }
    }

    double number(PolicyContext context) {
      return template.hasVariables() ? parseNumber(template.render(context)) : number;
    }

    long millis(PolicyContext context) {
      return template.hasVariables() ? parseMillis(template.render(context)) : millis;
    }

    IpAddresses.Range range(PolicyContext context) {
      return template.hasVariables() ? IpAddresses.Range.parse(template.render(context)) : range;
    }

    boolean matches(Type type, String actual, PolicyContext context) {
      switch (type) {
        case STRING:
        case BINARY:
        case STRING_LIKE:
          return template.match(actual, context, false) == Template.MATCH;
        case STRING_IGNORE_CASE:
          return template.match(actual, context, true) == Template.MATCH;
        case BOOL:
          Boolean expected =
              template.hasVariables() ? parseBoolean(template.render(context)) : bool;
          Boolean given = parseBoolean(actual);
          return expected != null && expected.equals(given);
        case ARN:
          return arn.matches(actual, context);
        default:
          throw new IllegalStateException("not a string type: " + type);
      }
    }
  }
}
