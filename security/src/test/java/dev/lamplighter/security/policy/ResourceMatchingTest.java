package dev.lamplighter.security.policy;

import static dev.lamplighter.security.policy.Policies.ARN;
import static dev.lamplighter.security.policy.Policies.allow;
import static dev.lamplighter.security.policy.Policies.decide;
import static dev.lamplighter.security.policy.Policies.policy;
import static dev.lamplighter.security.policy.Policies.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a Resource matches the requested ARN: one row per rule. */
class ResourceMatchingTest {
  static Stream<Arguments> rows() {
    return Stream.of(
        row("the exact ARN matches", topic("lamps/1"), topic("lamps/1"), true),
        row("another ARN does not", topic("lamps/1"), topic("lamps/2"), false),
        row("a longer ARN does not", topic("lamps/1"), topic("lamps/10"), false),
        row("ARNs are case-sensitive", topic("Lamps/1"), topic("lamps/1"), false),
        row("* alone matches every resource", "*", topic("anything/at/all"), true),
        row("* matches across levels", topic("lamps/*"), topic("lamps/a/b/c"), true),
        row("* matches nothing at all", topic("lamps/*"), topic("lamps/"), true),
        row("* keeps the literal before it", topic("lamps/*"), topic("lampsx/1"), false),
        row(
            "* in the middle matches levels",
            topic("lamps/*/state"),
            topic("lamps/a/b/state"),
            true),
        row(
            "* in the middle keeps the end",
            topic("lamps/*/state"),
            topic("lamps/a/status"),
            false),
        row("two stars match in order", topic("a*b*c"), topic("aXbYc"), true),
        row("two stars do not match out of order", topic("a*b*c"), topic("aXcYb"), false),
        row("? matches one character", topic("lamp-?"), topic("lamp-7"), true),
        row("? does not match two", topic("lamp-?"), topic("lamp-77"), false),
        row("? does not match none", topic("lamp-?"), topic("lamp-"), false),
        row(
            "* in the region matches any region",
            "arn:aws:iot:*:111122223333:topic/x",
            topic("x"),
            true),
        row("wildcards in every part match every ARN", "arn:aws:iot:*:*:*", topic("x"), true),
        row("+ is a literal character", topic("lamps/+/state"), topic("lamps/+/state"), true),
        row("+ is not a level wildcard", topic("lamps/+/state"), topic("lamps/7/state"), false),
        row("# is a literal character", topic("lamps/#"), topic("lamps/#"), true),
        row("# is not a multi-level wildcard", topic("lamps/#"), topic("lamps/7/state"), false),
        row("${*} is a literal star", topic("lamps/${*}"), topic("lamps/*"), true),
        row("${*} is not a wildcard", topic("lamps/${*}"), topic("lamps/7"), false),
        row("${?} is a literal question mark", topic("what${?}"), topic("what?"), true),
        row("${$} is a literal dollar", topic("${$}aws/x"), topic("$aws/x"), true),
        row(
            "a topic filter ARN matches a filter with MQTT wildcards",
            ARN + "topicfilter/lamps/+/state",
            ARN + "topicfilter/lamps/+/state",
            true),
        row(
            "a topic filter ARN is not a topic ARN",
            ARN + "topicfilter/lamps/1",
            topic("lamps/1"),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void resource_matchesTheArnWithStarAndQuestionMarkOnly(
      String rule, String resource, String requested, boolean allowed) {
    PolicyDocument document = policy(allow("iot:*", resource));

    assertThat(decide(document, "iot:Publish", requested, PolicyContext.empty()).allowed())
        .isEqualTo(allowed);
  }

  private static Arguments row(String rule, String resource, String requested, boolean allowed) {
    return Arguments.of(rule, resource, requested, allowed);
  }
}
