package dev.lamplighter.security.policy;

import static dev.lamplighter.security.policy.Policies.allow;
import static dev.lamplighter.security.policy.Policies.decide;
import static dev.lamplighter.security.policy.Policies.policy;
import static dev.lamplighter.security.policy.Policies.topic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.security.policy.PolicyEvaluator.Decision;
import dev.lamplighter.security.policy.PolicyEvaluator.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy variables in a Resource: each one resolved from the context, and unresolvable without. */
class PolicyVariablesTest {
  private static final PolicyContext FULL =
      PolicyContext.builder()
          .clientId("client-7")
          .domainName("iot.example.com")
          .sourceIp("203.0.113.9")
          .currentTime(Instant.parse("2026-01-01T12:00:00Z"))
          .thingName("lamp-42")
          .thingTypeName("streetlight")
          .thingAttribute("district", "harbour")
          .thingAttached(true)
          .certificateId("c0ffee")
          .certificateSerialNumber("9212")
          .subject("CommonName", "lamp-42.example.com")
          .subject("Organization", "Example Corp", "AnyCompany")
          .subject("Country", "NL")
          .issuer("CommonName", "Lamplighter CA")
          .subjectAlternativeName("DNSName", "lamp-42.lamps.example.com")
          .issuerAlternativeName("UniformResourceIdentifier", "urn:lamplighter:ca")
          .build();

  static Stream<Arguments> variables() {
    return Stream.of(
        row("iot:ClientId", "client-7"),
        row("iot:DomainName", "iot.example.com"),
        row("aws:SourceIp", "203.0.113.9"),
        row("aws:CurrentTime", "2026-01-01T12:00:00Z"),
        row("aws:EpochTime", "1767268800"),
        row("iot:Connection.Thing.ThingName", "lamp-42"),
        row("iot:Connection.Thing.ThingTypeName", "streetlight"),
        row("iot:Connection.Thing.Attributes[district]", "harbour"),
        row("iot:Connection.Thing.IsAttached", "true"),
        row("iot:CertificateId", "c0ffee"),
        row("iot:Certificate.SerialNumber", "9212"),
        row("iot:Certificate.Subject.CommonName", "lamp-42.example.com"),
        row("iot:Certificate.Subject.Organization", "Example Corp"),
        row("iot:Certificate.Subject.Organization.1", "AnyCompany"),
        row("iot:Certificate.Subject.Country", "NL"),
        row("iot:Certificate.Issuer.CommonName", "Lamplighter CA"),
        row("iot:Certificate.Subject.AlternativeName.DNSName", "lamp-42.lamps.example.com"),
        row(
            "iot:Certificate.Issuer.AlternativeName.UniformResourceIdentifier",
            "urn:lamplighter:ca"),
        row("IOT:CONNECTION.THING.THINGNAME", "lamp-42"));
  }

  @ParameterizedTest(name = "variable {0} resolves to {1}")
  @MethodSource("variables")
  void variable_isSubstitutedFromTheContext(String variable, String value) {
    PolicyDocument document = policy(allow("iot:Publish", topic("v/${" + variable + "}")));

    assertThat(decide(document, "iot:Publish", topic("v/" + value), FULL).allowed()).isTrue();
    assertThat(decide(document, "iot:Publish", topic("v/other"), FULL).allowed()).isFalse();
  }

  @ParameterizedTest(name = "variable {0} without a value does not match")
  @MethodSource("variables")
  void variable_withoutAValue_doesNotMatch_andIsReportedMissing(String variable, String value) {
    PolicyDocument document = policy(allow("iot:Publish", topic("v/${" + variable + "}")));

    Decision decision = decide(document, "iot:Publish", topic("v/" + value), PolicyContext.empty());

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decision.missingContextValues()).containsExactly(variable);
  }

  @Test
  void substitutedValue_isMatchedLiterally_notAsAWildcard() {
    PolicyDocument document = policy(allow("iot:Publish", topic("lamps/${iot:ClientId}")));
    PolicyContext starry = PolicyContext.builder().clientId("lamp-*").build();

    assertThat(decide(document, "iot:Publish", topic("lamps/lamp-7"), starry).allowed()).isFalse();
    assertThat(decide(document, "iot:Publish", topic("lamps/lamp-*"), starry).allowed()).isTrue();
  }

  @Test
  void substitutedValue_withMqttWildcards_isMatchedLiterally() {
    PolicyDocument document =
        policy(allow("iot:Subscribe", Policies.topicFilter("${iot:ClientId}/x")));
    PolicyContext plus = PolicyContext.builder().clientId("+").build();

    assertThat(decide(document, "iot:Subscribe", Policies.topicFilter("+/x"), plus).allowed())
        .isTrue();
    assertThat(decide(document, "iot:Subscribe", Policies.topicFilter("a/x"), plus).allowed())
        .isFalse();
  }

  @Test
  void certificateValue_withAWildcardCharacter_isNotSubstituted() {
    PolicyDocument document =
        policy(allow("iot:Publish", topic("${iot:Certificate.Subject.CommonName}")));
    PolicyContext context = PolicyContext.builder().subject("CommonName", "lamp*").build();

    Decision decision = decide(document, "iot:Publish", topic("lamp*"), context);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.missingContextValues())
        .containsExactly("iot:Certificate.Subject.CommonName");
  }

  @Test
  void certificateIndex_pastTheLastValue_doesNotResolve() {
    PolicyDocument document =
        policy(allow("iot:Publish", topic("${iot:Certificate.Subject.Organization.2}")));

    assertThat(decide(document, "iot:Publish", topic("AnyCompany"), FULL).allowed()).isFalse();
  }

  @Test
  void multiValuedKey_inAResource_doesNotResolve() {
    PolicyDocument document =
        policy(allow("iot:Publish", topic("${iot:Certificate.Subject.Organization.List}")));

    assertThat(decide(document, "iot:Publish", topic("Example Corp"), FULL).allowed()).isFalse();
  }

  @Test
  void unknownVariable_neverResolves() {
    PolicyDocument document = policy(allow("iot:Publish", topic("${iot:Connection.Thing.Color}")));

    Decision decision = decide(document, "iot:Publish", topic("red"), FULL);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.missingContextValues()).containsExactly("iot:Connection.Thing.Color");
  }

  @Test
  void undocumentedCertificateAttribute_isNotAVariable() {
    PolicyDocument document =
        policy(allow("iot:Publish", topic("${iot:Certificate.Subject.Locality}")));
    PolicyContext context = PolicyContext.builder().subject("Locality", "Delft").build();

    assertThat(decide(document, "iot:Publish", topic("Delft"), context).allowed()).isFalse();
  }

  @Test
  void thingAttributeName_isCaseSensitive() {
    PolicyDocument document =
        policy(allow("iot:Publish", topic("${iot:Connection.Thing.Attributes[District]}")));

    assertThat(decide(document, "iot:Publish", topic("harbour"), FULL).allowed()).isFalse();
  }

  @Test
  void otherResourceOfTheStatement_stillMatches_whenOneHasAnUnresolvedVariable() {
    PolicyDocument document =
        PolicyDocument.parse(
            Policies.document(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":["
                    + Policies.json(topic("${iot:Connection.Thing.ThingName}"))
                    + ","
                    + Policies.json(topic("public"))
                    + "]}"));

    Decision decision = decide(document, "iot:Publish", topic("public"), PolicyContext.empty());

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.missingContextValues()).containsExactly("iot:Connection.Thing.ThingName");
  }

  @Test
  void everyMissingVariable_isReportedOnce() {
    PolicyDocument document =
        policy(
            allow("iot:Publish", topic("${iot:ClientId}/${iot:Connection.Thing.ThingName}")),
            allow("iot:Publish", topic("x/${iot:ClientId}")));

    Decision decision = decide(document, "iot:Publish", topic("a/b"), PolicyContext.empty());

    assertThat(decision.missingContextValues())
        .isEqualTo(List.of("iot:ClientId", "iot:Connection.Thing.ThingName"));
  }

  private static Arguments row(String variable, String value) {
    return Arguments.of(variable, value);
  }
}
