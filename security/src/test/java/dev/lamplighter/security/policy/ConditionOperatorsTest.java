package dev.lamplighter.security.policy;

import static dev.lamplighter.security.policy.Policies.condition;
import static dev.lamplighter.security.policy.Policies.decide;
import static dev.lamplighter.security.policy.Policies.policy;
import static dev.lamplighter.security.policy.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each condition operator with a row where it holds and one where it does not, then IfExists,
 * absent keys, the multi-value qualifiers and variables in condition values.
 */
class ConditionOperatorsTest {
  private static final String NOW = "2026-01-01T12:00:00Z";
  private static final String LAMP = "arn:aws:iot:eu-west-1:111122223333:thing/lamp-1";

  static Stream<Arguments> rows() {
    return Stream.of(
        row("StringEquals", "iot:ClientId", "lamp-1", c -> c.clientId("lamp-1"), true),
        row("StringEquals", "iot:ClientId", "lamp-1", c -> c.clientId("lamp-2"), false),
        row("StringEquals", "iot:ClientId", "lamp-*", c -> c.clientId("lamp-1"), false),
        row("StringNotEquals", "iot:ClientId", "lamp-1", c -> c.clientId("lamp-2"), true),
        row("StringNotEquals", "iot:ClientId", "lamp-1", c -> c.clientId("lamp-1"), false),
        row("StringEqualsIgnoreCase", "iot:ClientId", "LAMP-1", c -> c.clientId("lamp-1"), true),
        row("StringEqualsIgnoreCase", "iot:ClientId", "LAMP-1", c -> c.clientId("lamp-2"), false),
        row("StringNotEqualsIgnoreCase", "iot:ClientId", "LAMP-1", c -> c.clientId("lamp-2"), true),
        row(
            "StringNotEqualsIgnoreCase",
            "iot:ClientId",
            "LAMP-1",
            c -> c.clientId("lamp-1"),
            false),
        row("StringLike", "iot:ClientId", "lamp-*", c -> c.clientId("lamp-17"), true),
        row("StringLike", "iot:ClientId", "lamp-?", c -> c.clientId("lamp-17"), false),
        row("StringNotLike", "iot:ClientId", "lamp-*", c -> c.clientId("pump-1"), true),
        row("StringNotLike", "iot:ClientId", "lamp-*", c -> c.clientId("lamp-1"), false),
        row("NumericEquals", "iot:Connection.Thing.Attributes[floor]", "3", floor("3"), true),
        row("NumericEquals", "iot:Connection.Thing.Attributes[floor]", "3", floor("4"), false),
        row("NumericEquals", "iot:Connection.Thing.Attributes[floor]", "3", floor("three"), false),
        row("NumericNotEquals", "iot:Connection.Thing.Attributes[floor]", "3", floor("4"), true),
        row("NumericNotEquals", "iot:Connection.Thing.Attributes[floor]", "3", floor("3"), false),
        row("NumericLessThan", "iot:Connection.Thing.Attributes[floor]", "5", floor("3"), true),
        row("NumericLessThan", "iot:Connection.Thing.Attributes[floor]", "5", floor("5"), false),
        row(
            "NumericLessThanEquals",
            "iot:Connection.Thing.Attributes[floor]",
            "5",
            floor("5"),
            true),
        row(
            "NumericLessThanEquals",
            "iot:Connection.Thing.Attributes[floor]",
            "5",
            floor("6"),
            false),
        row(
            "NumericGreaterThan",
            "iot:Connection.Thing.Attributes[floor]",
            "2.5",
            floor("3"),
            true),
        row("NumericGreaterThan", "iot:Connection.Thing.Attributes[floor]", "3", floor("3"), false),
        row(
            "NumericGreaterThanEquals",
            "iot:Connection.Thing.Attributes[floor]",
            "3",
            floor("3"),
            true),
        row(
            "NumericGreaterThanEquals",
            "iot:Connection.Thing.Attributes[floor]",
            "3",
            floor("2"),
            false),
        row("DateEquals", "aws:CurrentTime", NOW, at(NOW), true),
        row("DateEquals", "aws:CurrentTime", NOW, at("2026-01-01T12:00:01Z"), false),
        row("DateNotEquals", "aws:CurrentTime", NOW, at("2026-01-02T00:00:00Z"), true),
        row("DateNotEquals", "aws:CurrentTime", NOW, at(NOW), false),
        row("DateLessThan", "aws:CurrentTime", "2026-06-01T00:00:00Z", at(NOW), true),
        row("DateLessThan", "aws:CurrentTime", "2025-06-01T00:00:00Z", at(NOW), false),
        row("DateLessThanEquals", "aws:CurrentTime", NOW, at(NOW), true),
        row("DateLessThanEquals", "aws:CurrentTime", "2025-12-31", at(NOW), false),
        row("DateGreaterThan", "aws:CurrentTime", "2025-12-31", at(NOW), true),
        row("DateGreaterThan", "aws:CurrentTime", "1767268800", at(NOW), false),
        row("DateGreaterThanEquals", "aws:CurrentTime", "1767268800", at(NOW), true),
        row("DateGreaterThanEquals", "aws:CurrentTime", "2026-01-01T13:00:00+01:00", at(NOW), true),
        row("DateGreaterThanEquals", "aws:CurrentTime", "2026-01-02", at(NOW), false),
        row("NumericLessThan", "aws:EpochTime", "1767268801", at(NOW), true),
        row("NumericLessThan", "aws:EpochTime", "1767268800", at(NOW), false),
        row("Bool", "iot:Connection.Thing.IsAttached", "true", c -> c.thingAttached(true), true),
        row("Bool", "iot:Connection.Thing.IsAttached", "true", c -> c.thingAttached(false), false),
        row("Bool", "iot:Connection.Thing.IsAttached", "false", c -> c.thingAttached(false), true),
        row(
            "BinaryEquals",
            "lamplighter:Blob",
            "QUJD",
            c -> c.value("lamplighter:Blob", "QUJD"),
            true),
        row(
            "BinaryEquals",
            "lamplighter:Blob",
            "QUJD",
            c -> c.value("lamplighter:Blob", "QUJE"),
            false),
        row("IpAddress", "aws:SourceIp", "203.0.113.0/24", ip("203.0.113.9"), true),
        row("IpAddress", "aws:SourceIp", "203.0.113.0/24", ip("198.51.100.9"), false),
        row("IpAddress", "aws:SourceIp", "203.0.113.9", ip("203.0.113.9"), true),
        row("IpAddress", "aws:SourceIp", "203.0.113.128/25", ip("203.0.113.9"), false),
        row("IpAddress", "aws:SourceIp", "2001:db8::/32", ip("2001:db8::1"), true),
        row("IpAddress", "aws:SourceIp", "2001:db8::/32", ip("2001:db9::1"), false),
        row("NotIpAddress", "aws:SourceIp", "203.0.113.0/24", ip("198.51.100.9"), true),
        row("NotIpAddress", "aws:SourceIp", "203.0.113.0/24", ip("203.0.113.9"), false),
        row("ArnEquals", "aws:SourceArn", LAMP, arn(LAMP), true),
        row("ArnEquals", "aws:SourceArn", LAMP, arn(LAMP + "0"), false),
        row("ArnLike", "aws:SourceArn", "arn:aws:iot:*:111122223333:thing/lamp-*", arn(LAMP), true),
        row("ArnLike", "aws:SourceArn", "arn:aws:iot:*:444455556666:thing/*", arn(LAMP), false),
        row("ArnLike", "aws:SourceArn", "arn:aws:iot:eu-*:*", arn(LAMP), false),
        row("ArnNotEquals", "aws:SourceArn", LAMP, arn(LAMP + "0"), true),
        row("ArnNotEquals", "aws:SourceArn", LAMP, arn(LAMP), false),
        row("ArnNotLike", "aws:SourceArn", "arn:aws:iot:*:*:thing/pump-*", arn(LAMP), true),
        row("ArnNotLike", "aws:SourceArn", "arn:aws:iot:*:*:thing/lamp-*", arn(LAMP), false),
        row("Null", "iot:Connection.Thing.ThingName", "true", c -> c, true),
        row("Null", "iot:Connection.Thing.ThingName", "true", c -> c.thingName("lamp-1"), false),
        row("Null", "iot:Connection.Thing.ThingName", "false", c -> c.thingName("lamp-1"), true),
        row("Null", "iot:Connection.Thing.ThingName", "false", c -> c, false),
        row("StringEqualsIfExists", "iot:Connection.Thing.ThingTypeName", "lamp", c -> c, true),
        row(
            "StringEqualsIfExists",
            "iot:Connection.Thing.ThingTypeName",
            "lamp",
            type("lamp"),
            true),
        row(
            "StringEqualsIfExists",
            "iot:Connection.Thing.ThingTypeName",
            "lamp",
            type("pump"),
            false),
        row("NumericLessThanIfExists", "iot:Connection.Thing.Attributes[floor]", "5", c -> c, true),
        row("StringEquals", "iot:Connection.Thing.ThingTypeName", "lamp", c -> c, false),
        row("StringNotEquals", "iot:Connection.Thing.ThingTypeName", "lamp", c -> c, true),
        row("StringLike", "iot:Connection.Thing.ThingTypeName", "*", c -> c, false),
        row(
            "ForAnyValue:StringEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("LastWill", "PersistentConnect"),
            true),
        row(
            "ForAnyValue:StringEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("LastWill"),
            false),
        row(
            "ForAnyValue:StringEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c,
            false),
        row(
            "ForAllValues:StringEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("PersistentConnect"),
            true),
        row(
            "ForAllValues:StringEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("PersistentConnect", "LastWill"),
            false),
        row(
            "ForAllValues:StringEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c,
            true),
        row(
            "ForAllValues:StringNotEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("LastWill"),
            true),
        row(
            "ForAllValues:StringNotEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("LastWill", "PersistentConnect"),
            false),
        row(
            "ForAnyValue:StringNotEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("LastWill", "PersistentConnect"),
            true),
        row(
            "ForAnyValue:StringNotEquals",
            "iot:ConnectAttributes",
            "PersistentConnect",
            c -> c.connectAttributes("PersistentConnect"),
            false),
        row(
            "StringEquals",
            "iot:ConnectAttributes",
            "LastWill",
            c -> c.connectAttributes("PersistentConnect", "LastWill"),
            true),
        row(
            "StringNotEquals",
            "iot:ConnectAttributes",
            "LastWill",
            c -> c.connectAttributes("PersistentConnect", "LastWill"),
            false),
        row(
            "ForAllValues:StringEquals",
            "iot:Certificate.Subject.Organization.List",
            "Example Corp",
            c -> c.subject("Organization", "Example Corp"),
            true),
        row(
            "ForAllValues:StringEquals",
            "iot:Certificate.Subject.Organization.List",
            "Example Corp",
            c -> c.subject("Organization", "Example Corp", "Other"),
            false),
        row(
            "ForAnyValue:StringEquals",
            "iot:Certificate.AvailableKeys",
            "iot:Certificate.Subject.CommonName",
            c -> c.subject("CommonName", "lamp-1"),
            true),
        row(
            "StringEquals",
            "aws:SourceVpce",
            "vpce-1a2b3c4d",
            c -> c.value("aws:SourceVpce", "vpce-1a2b3c4d"),
            true),
        row("StringEquals", "AWS:SOURCEIP", "203.0.113.9", ip("203.0.113.9"), true));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("rows")
  void operator_holdsOrNot(
      String operator,
      String key,
      String value,
      UnaryOperator<PolicyContext.Builder> context,
      boolean allowed) {
    PolicyDocument document =
        policy(statement("Allow", "iot:Connect", "*", condition(operator, key, value)));

    assertThat(
            decide(
                    document,
                    "iot:Connect",
                    Policies.client("c"),
                    context.apply(PolicyContext.builder()).build())
                .allowed())
        .isEqualTo(allowed);
  }

  @Test
  void severalValues_ofOneKey_areAlternatives() {
    PolicyDocument document =
        policy(
            statement(
                "Allow", "iot:Connect", "*", condition("StringEquals", "iot:ClientId", "a", "b")));

    assertThat(connect(document, PolicyContext.builder().clientId("b").build())).isTrue();
    assertThat(connect(document, PolicyContext.builder().clientId("c").build())).isFalse();
  }

  @Test
  void severalValues_ofANegatedOperator_mustAllDiffer() {
    PolicyDocument document =
        policy(
            statement(
                "Allow",
                "iot:Connect",
                "*",
                condition("StringNotEquals", "iot:ClientId", "a", "b")));

    assertThat(connect(document, PolicyContext.builder().clientId("c").build())).isTrue();
    assertThat(connect(document, PolicyContext.builder().clientId("b").build())).isFalse();
  }

  @Test
  void severalKeysAndOperators_mustAllHold() {
    String condition =
        "{\"StringEquals\":{\"iot:ClientId\":\"lamp-1\",\"iot:Connection.Thing.ThingName\":\"lamp-1\"},"
            + "\"Bool\":{\"iot:Connection.Thing.IsAttached\":true}}";
    PolicyDocument document = policy(statement("Allow", "iot:Connect", "*", condition));
    PolicyContext.Builder lamp = PolicyContext.builder().clientId("lamp-1").thingName("lamp-1");

    assertThat(connect(document, lamp.thingAttached(true).build())).isTrue();
    assertThat(connect(document, lamp.thingAttached(false).build())).isFalse();
    assertThat(connect(document, lamp.thingAttached(true).thingName("lamp-2").build())).isFalse();
  }

  @Test
  void variableInAConditionValue_isSubstituted() {
    PolicyDocument document =
        policy(
            statement(
                "Allow",
                "iot:Connect",
                "*",
                condition("StringEquals", "iot:ClientId", "${iot:Connection.Thing.ThingName}")));

    assertThat(connect(document, PolicyContext.builder().clientId("l").thingName("l").build()))
        .isTrue();
    assertThat(connect(document, PolicyContext.builder().clientId("l").thingName("m").build()))
        .isFalse();
  }

  @Test
  void variableInAConditionValue_isMatchedLiterallyByStringLike() {
    PolicyDocument document =
        policy(
            statement(
                "Allow",
                "iot:Connect",
                "*",
                condition("StringLike", "iot:ClientId", "${iot:Connection.Thing.ThingName}-*")));
    PolicyContext context = PolicyContext.builder().clientId("ab-1").thingName("a?").build();

    assertThat(connect(document, context)).isFalse();
    assertThat(connect(document, PolicyContext.builder().clientId("a?-1").thingName("a?").build()))
        .isTrue();
  }

  @Test
  void variableInANumericValue_isSubstitutedThenCompared() {
    PolicyDocument document =
        policy(
            statement(
                "Allow",
                "iot:Connect",
                "*",
                condition(
                    "NumericLessThan",
                    "iot:Connection.Thing.Attributes[load]",
                    "${iot:Connection.Thing.Attributes[limit]}")));
    PolicyContext.Builder thing = PolicyContext.builder().thingAttribute("limit", "10");

    assertThat(connect(document, thing.thingAttribute("load", "9").build())).isTrue();
    assertThat(connect(document, thing.thingAttribute("load", "11").build())).isFalse();
  }

  @Test
  void unresolvableVariable_inAConditionValue_failsTheCondition_evenANegatedOne() {
    PolicyDocument document =
        policy(
            statement(
                "Allow",
                "iot:Connect",
                "*",
                condition("StringNotEquals", "iot:ClientId", "${iot:Connection.Thing.ThingName}")));

    Decision decision =
        decide(
            document,
            "iot:Connect",
            Policies.client("c"),
            PolicyContext.builder().clientId("c").build());

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.missingContextValues()).containsExactly("iot:Connection.Thing.ThingName");
  }

  @Test
  void absentConditionKey_isReportedMissing_butNotForIfExistsOrNull() {
    PolicyDocument document =
        policy(
            statement(
                "Allow", "iot:Connect", "*", condition("StringEquals", "iot:DomainName", "d")),
            statement(
                "Allow",
                "iot:Connect",
                "*",
                condition("StringEqualsIfExists", "aws:SourceIp", "x")),
            statement("Allow", "iot:Connect", "*", condition("Null", "iot:CertificateId", "true")));

    Decision decision =
        decide(document, "iot:Connect", Policies.client("c"), PolicyContext.empty());

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.missingContextValues()).containsExactly("iot:DomainName");
  }

  private static boolean connect(PolicyDocument document, PolicyContext context) {
    return decide(document, "iot:Connect", Policies.client("c"), context).allowed();
  }

  private static UnaryOperator<PolicyContext.Builder> floor(String value) {
    return c -> c.thingAttribute("floor", value);
  }

  private static UnaryOperator<PolicyContext.Builder> type(String value) {
    return c -> c.thingTypeName(value);
  }

  private static UnaryOperator<PolicyContext.Builder> at(String time) {
    return c -> c.currentTime(Instant.parse(time));
  }

  private static UnaryOperator<PolicyContext.Builder> ip(String address) {
    return c -> c.sourceIp(address);
  }

  private static UnaryOperator<PolicyContext.Builder> arn(String arn) {
    return c -> c.value("aws:SourceArn", arn);
  }

  private static Arguments row(
      String operator,
      String key,
      String value,
      UnaryOperator<PolicyContext.Builder> context,
      boolean allowed) {
    return Arguments.of(operator, key, value, context, allowed);
  }
}
