package dev.lamplighter.security.policy;

import static dev.lamplighter.security.policy.Policies.allow;
import static dev.lamplighter.security.policy.Policies.decide;
import static dev.lamplighter.security.policy.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a statement's Action element matches the requested action: one row per rule. */
class ActionMatchingTest {
  static Stream<Arguments> rows() {
    return Stream.of(
        row("the exact action matches", "iot:Publish", "iot:Publish", true),
        row("another action does not", "iot:Publish", "iot:Subscribe", false),
        row("the policy's case does not matter", "IOT:PUBLISH", "iot:Publish", true),
        row("the request's case does not matter", "iot:Publish", "IoT:publish", true),
        row("iot:* matches every iot action", "iot:*", "iot:UpdateThingShadow", true),
        row("iot:* does not match iotjobsdata", "iot:*", "iotjobsdata:UpdateJobExecution", false),
        row("a prefix wildcard matches", "iot:Pub*", "iot:Publish", true),
        row("a prefix wildcard matches only its prefix", "iot:Pub*", "iot:Subscribe", false),
        row("a suffix wildcard matches", "iot:*Shadow", "iot:GetThingShadow", true),
        row("? matches one character", "iot:?eceive", "iot:Receive", true),
        row("? matches exactly one character", "iot:?ublish", "iot:RetainPublish", false),
        row("* alone matches every action", "*", "iot:Connect", true),
        row("a name is not a prefix of a longer one", "iot:Publish", "iot:RetainPublish", false),
        row(
            "a wildcard matches an action outside the catalogue",
            "iot:*",
            "iot:SomethingNew",
            true),
        row(
            "an exact action does not match one outside the catalogue",
            "iot:Publish",
            "iot:PublishMore",
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void action_matchesByWildcardAndIgnoringCase(
      String rule, String policyAction, String requestedAction, boolean allowed) {
    PolicyDocument document = policy(allow(policyAction, "*"));

    assertThat(
            decide(document, requestedAction, Policies.topic("a"), PolicyContext.empty()).allowed())
        .isEqualTo(allowed);
  }

  private static Arguments row(String rule, String policy, String request, boolean allowed) {
    return Arguments.of(rule, policy, request, allowed);
  }
}
