package dev.lamplighter.security.policy;

import static dev.lamplighter.security.policy.Policies.allow;
import static dev.lamplighter.security.policy.Policies.client;
import static dev.lamplighter.security.policy.Policies.deny;
import static dev.lamplighter.security.policy.Policies.policy;
import static dev.lamplighter.security.policy.Policies.topic;
import static dev.lamplighter.security.policy.Policies.topicFilter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import dev.lamplighter.security.policy.PolicyEvaluator.NamedPolicy;
import dev.lamplighter.security.policy.PolicyEvaluator.Outcome;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** IAM's evaluation logic across policies, and AWS's documented policy examples. */
class PolicyEvaluatorTest {
  private static final PolicyDocument PUBLISH_ANYTHING = policy(allow("iot:*", "*"));
  private static final PolicyDocument NO_SECRETS = policy(deny("iot:Publish", topic("secrets/*")));

  @Test
  void noPolicy_deniesByDefault() {
    Decision decision =
        PolicyEvaluator.evaluate(List.of(), "iot:Publish", topic("a"), PolicyContext.empty());

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decision.allowedBy()).isEmpty();
    assertThat(decision.deniedBy()).isEmpty();
    assertThat(decision.missingContextValues()).isEmpty();
  }

  @Test
  void noMatchingStatement_deniesByDefault() {
    Decision decision =
        evaluate(
            List.of(named("lamps", policy(allow("iot:Publish", topic("lamps/*"))))),
            topic("pumps/1"));

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void matchingAllow_allows_andNamesThePolicy() {
    Decision decision = evaluate(List.of(named("all", PUBLISH_ANYTHING)), topic("lamps/1"));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.allowedBy()).containsExactly("all");
    assertThat(decision.deniedBy()).isEmpty();
  }

  @Test
  void explicitDeny_inAnotherPolicy_beatsAnAllow() {
    Decision decision =
        evaluate(
            List.of(named("all", PUBLISH_ANYTHING), named("no-secrets", NO_SECRETS)),
            topic("secrets/key"));

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.allowedBy()).containsExactly("all");
    assertThat(decision.deniedBy()).containsExactly("no-secrets");
  }

  @Test
  void explicitDeny_beatsAnAllow_whicheverPolicyComesFirst() {
    Decision decision =
        evaluate(
            List.of(named("no-secrets", NO_SECRETS), named("all", PUBLISH_ANYTHING)),
            topic("secrets/key"));

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void explicitDeny_inTheSamePolicy_beatsAnAllow() {
    PolicyDocument both =
        policy(allow("iot:Publish", topic("*")), deny("iot:Publish", topic("secrets/*")));

    assertThat(evaluate(List.of(named("both", both)), topic("secrets/k")).outcome())
        .isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(evaluate(List.of(named("both", both)), topic("public/k")).outcome())
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void denyForAnotherResource_doesNotApply() {
    Decision decision =
        evaluate(
            List.of(named("all", PUBLISH_ANYTHING), named("no-secrets", NO_SECRETS)),
            topic("public/x"));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.deniedBy()).isEmpty();
  }

  @Test
  void denyForAnotherAction_doesNotApply() {
    PolicyDocument noSubscribe = policy(deny("iot:Subscribe", "*"));

    assertThat(
            evaluate(List.of(named("a", PUBLISH_ANYTHING), named("d", noSubscribe)), topic("x"))
                .allowed())
        .isTrue();
  }

  @Test
  void everyAllowingPolicy_isNamed_inTheGivenOrder() {
    Decision decision =
        evaluate(
            List.of(
                named("first", PUBLISH_ANYTHING),
                named("other", policy(allow("iot:Subscribe", "*"))),
                named("second", policy(allow("iot:Publish", topic("lamps/*"))))),
            topic("lamps/1"));

    assertThat(decision.allowedBy()).containsExactly("first", "second");
  }

  @Test
  void manyPolicies_areEvaluatedLikeFew() {
    List<NamedPolicy> policies = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      policies.add(named("p" + i, policy(allow("iot:Publish", topic("t" + i)))));
    }
    policies.add(named("deny", policy(deny("iot:Publish", topic("t69")))));

    assertThat(evaluate(policies, topic("t3")).allowedBy()).containsExactly("p3");
    Decision denied = evaluate(policies, topic("t69"));
    assertThat(denied.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(denied.deniedBy()).containsExactly("deny");
    assertThat(evaluate(policies, topic("t70")).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void listWithoutRandomAccess_isEvaluatedLikeAnyList() {
    List<NamedPolicy> policies =
        new LinkedList<>(List.of(named("all", PUBLISH_ANYTHING), named("no-secrets", NO_SECRETS)));

    assertThat(evaluate(policies, topic("secrets/x")).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void nothingMatched_withoutMissingValues_isOneSharedDecision() {
    List<NamedPolicy> policies = List.of(named("no-secrets", NO_SECRETS));

    assertThat(evaluate(policies, topic("a"))).isSameAs(evaluate(policies, topic("b")));
  }

  // ---- AWS's documented examples -------------------------------------------------------------

  /**
   * AWS "Connect policy examples": deny two client ids, allow a thing attached to the principal.
   */
  private static final PolicyDocument CONNECT_EXAMPLE =
      PolicyDocument.parse(
          """
          {
            "Version": "2012-10-17",
            "Statement": [
              {
                "Effect": "Deny",
                "Action": ["iot:Connect"],
                "Resource": [
                  "arn:aws:iot:us-east-1:123456789012:client/client1",
                  "arn:aws:iot:us-east-1:123456789012:client/client2"
                ]
              },
              {
                "Effect": "Allow",
                "Action": ["iot:Connect"],
                "Resource": ["arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"],
                "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}}
              }
            ]
          }
          """);

  static Stream<Arguments> connectExample() {
    return Stream.of(
        Arguments.of(
            "the attached thing connects as itself", "lamp-1", "lamp-1", true, Outcome.ALLOWED),
        Arguments.of(
            "an unattached thing may not", "lamp-1", "lamp-1", false, Outcome.IMPLICIT_DENY),
        Arguments.of(
            "a thing may not use another's client id",
            "lamp-2",
            "lamp-1",
            true,
            Outcome.IMPLICIT_DENY),
        Arguments.of(
            "client1 is denied even as its thing",
            "client1",
            "client1",
            true,
            Outcome.EXPLICIT_DENY),
        Arguments.of(
            "client2 is denied even as its thing",
            "client2",
            "client2",
            true,
            Outcome.EXPLICIT_DENY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectExample")
  void awsConnectExample(
      String rule, String clientId, String thingName, boolean attached, Outcome outcome) {
    PolicyContext context =
        PolicyContext.builder()
            .clientId(clientId)
            .thingName(thingName)
            .thingAttached(attached)
            .build();

    Decision decision =
        PolicyEvaluator.evaluate(
            List.of(named("connect", CONNECT_EXAMPLE)),
            "iot:Connect",
            "arn:aws:iot:us-east-1:123456789012:client/" + clientId,
            context);

    assertThat(decision.outcome()).isEqualTo(outcome);
  }

  /**
   * AWS "Publish/Subscribe policy examples" for registered devices: a thing may publish, subscribe
   * and receive only on topics under its own name.
   */
  private static final PolicyDocument OWN_TOPICS_EXAMPLE =
      PolicyDocument.parse(
          """
          {
            "Version": "2012-10-17",
            "Statement": [
              {
                "Effect": "Allow",
                "Action": ["iot:Connect"],
                "Resource": ["arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"]
              },
              {
                "Effect": "Allow",
                "Action": ["iot:Publish"],
                "Resource": ["arn:aws:iot:eu-west-1:111122223333:topic/${iot:Connection.Thing.ThingName}/*"]
              },
              {
                "Effect": "Allow",
                "Action": ["iot:Subscribe"],
                "Resource": ["arn:aws:iot:eu-west-1:111122223333:topicfilter/${iot:Connection.Thing.ThingName}/*"]
              },
              {
                "Effect": "Allow",
                "Action": ["iot:Receive"],
                "Resource": ["arn:aws:iot:eu-west-1:111122223333:topic/${iot:Connection.Thing.ThingName}/*"]
              }
            ]
          }
          """);

  static Stream<Arguments> ownTopicsExample() {
    return Stream.of(
        Arguments.of("iot:Connect", client("lamp-1"), true),
        Arguments.of("iot:Connect", client("lamp-2"), false),
        Arguments.of("iot:Publish", topic("lamp-1/state"), true),
        Arguments.of("iot:Publish", topic("lamp-1/a/b"), true),
        Arguments.of("iot:Publish", topic("lamp-2/state"), false),
        Arguments.of("iot:Publish", topic("lamp-10/state"), false),
        Arguments.of("iot:Subscribe", topicFilter("lamp-1/#"), true),
        Arguments.of("iot:Subscribe", topicFilter("lamp-1/+/state"), true),
        Arguments.of("iot:Subscribe", topicFilter("+/state"), false),
        Arguments.of("iot:Subscribe", topic("lamp-1/state"), false),
        Arguments.of("iot:Receive", topic("lamp-1/cmd"), true),
        Arguments.of("iot:Receive", topic("lamp-2/cmd"), false),
        Arguments.of("iot:RetainPublish", topic("lamp-1/state"), false));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("ownTopicsExample")
  void awsOwnTopicsExample(String action, String resource, boolean allowed) {
    PolicyContext lamp1 = PolicyContext.builder().clientId("lamp-1").thingName("lamp-1").build();

    assertThat(
            PolicyEvaluator.evaluate(
                    List.of(named("own", OWN_TOPICS_EXAMPLE)), action, resource, lamp1)
                .allowed())
        .isEqualTo(allowed);
  }

  /** AWS "X.509 certificate policy variables": publish only with an allowed organisation. */
  @Test
  void awsCertificateOrganizationExample() {
    PolicyDocument document =
        PolicyDocument.parse(
            """
            {
              "Version":"2012-10-17",
              "Statement":[
                {"Effect":"Allow","Action":["iot:Connect"],
                 "Resource":["arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"]},
                {"Effect":"Allow","Action":["iot:Publish"],
                 "Resource":["arn:aws:iot:us-east-1:123456789012:topic/my/topic/${iot:Connection.Thing.ThingName}"],
                 "Condition":{"ForAllValues:StringEquals":{
                   "iot:Certificate.Subject.Organization.List":["Example Corp","AnyCompany"]}}}
              ]
            }
            """);
    String resource = "arn:aws:iot:us-east-1:123456789012:topic/my/topic/lamp-1";
    PolicyContext.Builder lamp = PolicyContext.builder().thingName("lamp-1");

    assertThat(publish(document, resource, lamp.subject("Organization", "AnyCompany").build()))
        .isTrue();
    assertThat(
            publish(
                document,
                resource,
                lamp.subject("Organization", "Example Corp", "AnyCompany").build()))
        .isTrue();
    assertThat(publish(document, resource, lamp.subject("Organization", "Other Corp").build()))
        .isFalse();
  }

  private static boolean publish(PolicyDocument document, String resource, PolicyContext context) {
    return PolicyEvaluator.evaluate(List.of(named("p", document)), "iot:Publish", resource, context)
        .allowed();
  }

  private static Decision evaluate(List<NamedPolicy> policies, String resource) {
    return PolicyEvaluator.evaluate(policies, "iot:Publish", resource, PolicyContext.empty());
  }

  private static NamedPolicy named(String name, PolicyDocument document) {
    return new NamedPolicy(name, document);
  }
}
