package dev.lamplighter.bench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.security.policy.PolicyContext;
import dev.lamplighter.security.policy.PolicyEvaluator;
import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import dev.lamplighter.security.policy.PolicyEvaluator.Outcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark's policy set: the decisions it measures, and the naive peer's agreement. */
class PolicySetTest {
  private static final List<NamedPolicy> POLICIES = PolicySet.compiled();
  private static final PolicyContext CONTEXT = PolicySet.context();
  private static final NaiveEvaluator NAIVE = PolicySet.naive();
  private static final Map<String, String> VARIABLES = PolicySet.variables();
  private static final String ARN = PolicySet.ARN;

  @Test
  void policySet_isThreeCertificatePoliciesOfTenStatements_andTwoGroupPolicies() {
    assertThat(POLICIES)
        .extracting(NamedPolicy::name)
        .containsExactly(
            "device-core", "device-jobs", "device-fleet", "group-harbour", "group-maintenance");
    assertThat(PolicySet.DOCUMENTS.values().stream().limit(3))
        .allSatisfy(text -> assertThat(text.split("\"Effect\"", -1)).hasSize(11));
  }

  @Test
  void matchingTopic_isAllowedByTheCorePolicy() {
    Decision decision = evaluate(PolicySet.ACTION, PolicySet.MATCHING_TOPIC);

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.allowedBy()).containsExactly("device-core");
    assertThat(decision.deniedBy()).isEmpty();
    assertThat(decision.missingContextValues()).isEmpty();
  }

  @Test
  void nonMatchingTopic_isDeniedByDefault() {
    Decision decision = evaluate(PolicySet.ACTION, PolicySet.NON_MATCHING_TOPIC);

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decision.allowedBy()).isEmpty();
    assertThat(decision.missingContextValues()).isEmpty();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("iot:Publish", PolicySet.MATCHING_TOPIC, Outcome.ALLOWED),
        Arguments.of("iot:Publish", PolicySet.NON_MATCHING_TOPIC, Outcome.IMPLICIT_DENY),
        Arguments.of("iot:Publish", ARN + "topic/things/lamp-42/telemetry", Outcome.ALLOWED),
        Arguments.of(
            "iot:Publish", ARN + "topic/things/lamp-42/admin/reset", Outcome.EXPLICIT_DENY),
        Arguments.of("iot:Publish", ARN + "topic/things/lamp-42/locked/x", Outcome.EXPLICIT_DENY),
        Arguments.of(
            "iot:Publish", ARN + "topic/groups/harbour/lamp-42/config", Outcome.EXPLICIT_DENY),
        Arguments.of("iot:Publish", ARN + "topic/groups/harbour/lamp-42/status", Outcome.ALLOWED),
        Arguments.of("iot:Publish", ARN + "topic/groups/harbour/announce", Outcome.ALLOWED),
        Arguments.of(
            "iot:Publish", ARN + "topic/maintenance/lamp-42/shutdown", Outcome.EXPLICIT_DENY),
        Arguments.of("iot:Publish", ARN + "topic/maintenance/all/heartbeat", Outcome.ALLOWED),
        Arguments.of("iot:Publish", ARN + "topic/district/harbour/lamp-42/power", Outcome.ALLOWED),
        Arguments.of(
            "iot:Publish", ARN + "topic/district/docks/lamp-42/power", Outcome.IMPLICIT_DENY),
        Arguments.of("iot:Publish", ARN + "topic/org/Example Corp/lamp-42", Outcome.ALLOWED),
        Arguments.of("iot:Publish", ARN + "topic/diagnostics/lamp-42", Outcome.ALLOWED),
        Arguments.of(
            "iot:Publish",
            ARN + "topic/certificates/" + PolicySet.CERTIFICATE_ID + "/x",
            Outcome.ALLOWED),
        Arguments.of(
            "iot:Publish", ARN + "topic/fleet/streetlight/lamp-42/status", Outcome.ALLOWED),
        Arguments.of("iot:Connect", ARN + "client/lamp-42", Outcome.ALLOWED),
        Arguments.of("iot:Connect", ARN + "client/lamp-7", Outcome.IMPLICIT_DENY),
        Arguments.of("iot:Subscribe", ARN + "topicfilter/fleet/streetlight/#", Outcome.ALLOWED),
        Arguments.of(
            "iot:Subscribe", ARN + "topicfilter/things/lamp-42/commands/#", Outcome.ALLOWED),
        Arguments.of("iot:Receive", ARN + "topic/things/lamp-42/locked/cmd", Outcome.EXPLICIT_DENY),
        Arguments.of("iot:RetainPublish", ARN + "topic/things/lamp-42/telemetry", Outcome.ALLOWED),
        Arguments.of("iotjobsdata:DescribeJobExecution", ARN + "thing/lamp-42", Outcome.ALLOWED),
        Arguments.of("iot:UpdateThingShadow", ARN + "thing/lamp-7", Outcome.IMPLICIT_DENY));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("requests")
  void compiledDecision_isExpected_andTheNaivePeerAgrees(
      String action, String resource, Outcome outcome) {
    assertThat(evaluate(action, resource).outcome()).isEqualTo(outcome);
    assertThat(NAIVE.allowed(action, resource, VARIABLES)).isEqualTo(outcome == Outcome.ALLOWED);
  }

  @Test
  void benchmarkState_decidesTheSameAsTheTest() {
    PolicyBenchmark benchmark = new PolicyBenchmark();
    benchmark.setUp();

    assertThat(benchmark.compiledMatching().allowed()).isTrue();
    assertThat(benchmark.compiledNonMatching().allowed()).isFalse();
    assertThat(benchmark.naiveMatching()).isTrue();
    assertThat(benchmark.naiveNonMatching()).isFalse();
  }

  private static Decision evaluate(String action, String resource) {
    return PolicyEvaluator.evaluate(POLICIES, action, resource, CONTEXT);
  }
}
