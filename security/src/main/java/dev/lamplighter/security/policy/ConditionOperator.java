package dev.lamplighter.security.policy;

/**
 * The condition operators of IAM's policy language, which AWS IoT policies follow. A negated
 * operator ({@code StringNotEquals}, {@code NotIpAddress}, …) is true when none of the policy's
 * values matches, and also when the key is absent; the others need the key. The {@code IfExists}
 * suffix and the {@code ForAnyValue:}/{@code ForAllValues:} qualifiers are parsed by {@link
 * ConditionClause}.
 */
enum ConditionOperator {
  STRING_EQUALS("StringEquals", Type.STRING, Comparison.EQUAL, false),
  STRING_NOT_EQUALS("StringNotEquals", Type.STRING, Comparison.EQUAL, true),
  STRING_EQUALS_IGNORE_CASE(
      "StringEqualsIgnoreCase", Type.STRING_IGNORE_CASE, Comparison.EQUAL, false),
  STRING_NOT_EQUALS_IGNORE_CASE(
      "StringNotEqualsIgnoreCase", Type.STRING_IGNORE_CASE, Comparison.EQUAL, true),
  STRING_LIKE("StringLike", Type.STRING_LIKE, Comparison.EQUAL, false),
  STRING_NOT_LIKE("StringNotLike", Type.STRING_LIKE, Comparison.EQUAL, true),
  NUMERIC_EQUALS("NumericEquals", Type.NUMERIC, Comparison.EQUAL, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Type.NUMERIC, Comparison.EQUAL, true),
  NUMERIC_LESS_THAN("NumericLessThan", Type.NUMERIC, Comparison.LESS, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Type.NUMERIC, Comparison.LESS_OR_EQUAL, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Type.NUMERIC, Comparison.GREATER, false),
  NUMERIC_GREATER_THAN_EQUALS(
      "NumericGreaterThanEquals", Type.NUMERIC, Comparison.GREATER_OR_EQUAL, false),
  DATE_EQUALS("DateEquals", Type.DATE, Comparison.EQUAL, false),
  DATE_NOT_EQUALS("DateNotEquals", Type.DATE, Comparison.EQUAL, true),
  DATE_LESS_THAN("DateLessThan", Type.DATE, Comparison.LESS, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Type.DATE, Comparison.LESS_OR_EQUAL, false),
  DATE_GREATER_THAN("DateGreaterThan", Type.DATE, Comparison.GREATER, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Type.DATE, Comparison.GREATER_OR_EQUAL, false),
  BOOL("Bool", Type.BOOL, Comparison.EQUAL, false),
  BINARY_EQUALS("BinaryEquals", Type.BINARY, Comparison.EQUAL, false),
  IP_ADDRESS("IpAddress", Type.IP_ADDRESS, Comparison.EQUAL, false),
  NOT_IP_ADDRESS("NotIpAddress", Type.IP_ADDRESS, Comparison.EQUAL, true),
  // IAM documents ArnEquals and ArnLike as the same test: both accept wildcards in each segment.
  ARN_EQUALS("ArnEquals", Type.ARN, Comparison.EQUAL, false),
  ARN_LIKE("ArnLike", Type.ARN, Comparison.EQUAL, false),
  ARN_NOT_EQUALS("ArnNotEquals", Type.ARN, Comparison.EQUAL, true),
  ARN_NOT_LIKE("ArnNotLike", Type.ARN, Comparison.EQUAL, true),
  NULL("Null", Type.NULL, Comparison.EQUAL, false);

  /** How values are compared. */
  enum Type {
    STRING,
    STRING_IGNORE_CASE,
    STRING_LIKE,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
  }

  /** The order a numeric or date operator asks for, the context's value on the left. */
  enum Comparison {
    EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL;

    boolean holds(int order) {
      return switch (this) {
        case EQUAL -> order == 0;
        case LESS -> order < 0;
        case LESS_OR_EQUAL -> order <= 0;
        case GREATER -> order > 0;
        case GREATER_OR_EQUAL -> order >= 0;
      };
    }
  }

  private final String awsName;
  private final Type type;
  private final Comparison comparison;
  private final boolean negated;

  ConditionOperator(String awsName, Type type, Comparison comparison, boolean negated) {
    this.awsName = awsName;
    this.type = type;
    this.comparison = comparison;
    this.negated = negated;
  }

  /** The operator of a base name (no qualifier, no IfExists), or null. */
  static ConditionOperator named(String name) {
    for (ConditionOperator operator : values()) {
      if (operator.awsName.equals(name)) {
        return operator;
      }
    }
    return null;
  }

  String awsName() {
    return awsName;
  }

  Type type() {
    return type;
  }

  Comparison comparison() {
    return comparison;
  }

  boolean negated() {
    return negated;
  }
}
