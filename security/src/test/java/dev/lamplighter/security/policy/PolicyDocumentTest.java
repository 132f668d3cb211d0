package dev.lamplighter.security.policy;

import static dev.lamplighter.security.policy.Policies.decide;
import static dev.lamplighter.security.policy.Policies.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation of policy documents: every way a document is refused, its size limit, its forms. */
class PolicyDocumentTest {
  private static final String V = "\"Version\":\"2012-10-17\"";
  private static final String OK_STATEMENT =
      "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\"*\"}";

  static Stream<Arguments> malformed() {
    return Stream.of(
        row("not JSON", "this is not json", "Policy document is Malformed: Invalid policy syntax."),
        row("truncated JSON", "{" + V + ",\"Statement\":[", "Invalid policy syntax."),
        row(
            "trailing content",
            "{" + V + ",\"Statement\":" + OK_STATEMENT + "} {}",
            "Invalid policy syntax."),
        row(
            "a JSON array",
            "[" + OK_STATEMENT + "]",
            "Invalid policy syntax. The document is not a JSON object"),
        row(
            "a duplicate key",
            "{" + V + "," + V + ",\"Statement\":" + OK_STATEMENT + "}",
            "Invalid policy syntax."),
        row(
            "no Version",
            "{\"Statement\":" + OK_STATEMENT + "}",
            "The policy has no Version; AWS IoT accepts \"2012-10-17\""),
        row(
            "the old Version",
            "{\"Version\":\"2008-10-17\",\"Statement\":" + OK_STATEMENT + "}",
            "Unsupported policy version \"2008-10-17\"; AWS IoT accepts \"2012-10-17\""),
        row(
            "a numeric Version",
            "{\"Version\":2012,\"Statement\":" + OK_STATEMENT + "}",
            "Unsupported policy version 2012"),
        row("no Statement", "{" + V + "}", "The policy has no Statement"),
        row(
            "an empty Statement list",
            "{" + V + ",\"Statement\":[]}",
            "The policy's Statement is an empty list"),
        row(
            "a Statement that is a string",
            "{" + V + ",\"Statement\":[\"x\"]}",
            "Statement 1 is not a JSON object"),
        row(
            "an unknown top-level element",
            "{" + V + ",\"Statements\":[]}",
            "Unknown policy element: Statements"),
        row(
            "no Effect",
            doc("{\"Action\":\"iot:Publish\",\"Resource\":\"*\"}"),
            "Statement 1 has no Effect; it must be \"Allow\" or \"Deny\""),
        row(
            "a lower-case Effect",
            doc("{\"Effect\":\"allow\",\"Action\":\"iot:Publish\",\"Resource\":\"*\"}"),
            "Invalid Effect \"allow\" in statement 1; it must be \"Allow\" or \"Deny\""),
        row(
            "no Action",
            doc("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"),
            "Statement 1 has no Action"),
        row(
            "an empty Action list",
            doc("{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}"),
            "Statement 1 has an empty Action"),
        row(
            "an empty action",
            doc("{\"Effect\":\"Allow\",\"Action\":\"\",\"Resource\":\"*\"}"),
            "Statement 1 has an empty string in its Action"),
        row(
            "a numeric action",
            doc("{\"Effect\":\"Allow\",\"Action\":[1],\"Resource\":\"*\"}"),
            "Action of statement 1 must be a string or an array of strings"),
        row(
            "an unknown action",
            doc(
                "{\"Effect\":\"Allow\",\"Action\":[\"iot:Publish\",\"iot:Publsh\"],\"Resource\":\"*\"}"),
            "The following actions are invalid : iot:Publsh"),
        row(
            "another service's action",
            doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"),
            "The following actions are invalid : s3:GetObject"),
        row(
            "an action without a service",
            doc("{\"Effect\":\"Allow\",\"Action\":\"Publish\",\"Resource\":\"*\"}"),
            "The following actions are invalid : Publish"),
        row(
            "a wildcard that matches no action",
            doc("{\"Effect\":\"Allow\",\"Action\":\"iot:Pubx*\",\"Resource\":\"*\"}"),
            "The following actions are invalid : iot:Pubx*"),
        row(
            "no Resource",
            doc("{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\"}"),
            "Statement 1 has no Resource"),
        row(
            "an empty Resource list",
            doc("{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":[]}"),
            "Statement 1 has an empty Resource"),
        row(
            "a Resource object",
            doc("{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":{}}"),
            "Resource of statement 1 must be a string or an array of strings"),
        row(
            "a resource that is not an ARN",
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":[\"*\",\"topic/lamps\"]}"),
            "The following resources are invalid : topic/lamps"),
        row(
            "an ARN without a resource",
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\"arn:aws:iot:eu-west-1:1:\"}"),
            "The following resources are invalid : arn:aws:iot:eu-west-1:1:"),
        row(
            "an ARN of five parts",
            doc("{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\"arn:aws:iot:*\"}"),
            "The following resources are invalid : arn:aws:iot:*"),
        row(
            "NotAction",
            doc("{\"Effect\":\"Allow\",\"NotAction\":\"iot:Publish\",\"Resource\":\"*\"}"),
            "NotAction is not supported in AWS IoT policies"),
        row(
            "NotResource",
            doc("{\"Effect\":\"Deny\",\"Action\":\"iot:Publish\",\"NotResource\":\"*\"}"),
            "NotResource is not supported in AWS IoT policies"),
        row(
            "Principal",
            doc(
                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"iot:Publish\",\"Resource\":\"*\"}"),
            "Principal is not supported in AWS IoT policies"),
        row(
            "an unknown statement element",
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\"*\",\"Conditions\":{}}"),
            "Unknown element \"Conditions\" in statement 1"),
        row(
            "a Condition that is a list",
            withCondition("[]"),
            "Condition of statement 1 must be a JSON object"),
        row(
            "an unsupported operator",
            withCondition("{\"StringEqualz\":{\"iot:ClientId\":\"a\"}}"),
            "Unsupported condition operator: StringEqualz"),
        row(
            "Null with IfExists",
            withCondition("{\"NullIfExists\":{\"iot:ClientId\":\"true\"}}"),
            "Unsupported condition operator: NullIfExists"),
        row(
            "a qualifier without an operator",
            withCondition("{\"ForAnyValue:\":{\"iot:ClientId\":\"a\"}}"),
            "Unsupported condition operator: ForAnyValue:"),
        row(
            "an operator with no keys",
            withCondition("{\"StringEquals\":{}}"),
            "Condition StringEquals of statement 1 must map condition keys to values"),
        row(
            "a key without a prefix",
            withCondition("{\"StringEquals\":{\"ClientId\":\"a\"}}"),
            "Invalid condition key \"ClientId\" for StringEquals"),
        row(
            "a key with no values",
            withCondition("{\"StringEquals\":{\"iot:ClientId\":[]}}"),
            "Condition StringEquals on iot:ClientId has no values"),
        row(
            "an object as a value",
            withCondition("{\"StringEquals\":{\"iot:ClientId\":{}}}"),
            "Condition values of statement 1 must be strings, numbers or booleans"),
        row(
            "a number that is not one",
            withCondition("{\"NumericEquals\":{\"aws:EpochTime\":\"ten\"}}"),
            "Invalid value \"ten\" for condition NumericEquals on aws:EpochTime"),
        row(
            "a date that is not one",
            withCondition("{\"DateLessThan\":{\"aws:CurrentTime\":\"tomorrow\"}}"),
            "Invalid value \"tomorrow\" for condition DateLessThan on aws:CurrentTime"),
        row(
            "an address that is not one",
            withCondition("{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/33\"}}"),
            "Invalid value \"203.0.113.0/33\" for condition IpAddress on aws:SourceIp"),
        row(
            "a host name as an address",
            withCondition("{\"IpAddress\":{\"aws:SourceIp\":\"example.com\"}}"),
            "Invalid value \"example.com\" for condition IpAddress on aws:SourceIp"),
        row(
            "a Bool that is not one",
            withCondition("{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"yes\"}}"),
            "Invalid value \"yes\" for condition Bool on iot:Connection.Thing.IsAttached"),
        row(
            "a Null that is not a Bool",
            withCondition("{\"Null\":{\"iot:ClientId\":\"absent\"}}"),
            "Invalid value \"absent\" for condition Null on iot:ClientId"),
        row(
            "the second statement's problem is named",
            "{"
                + V
                + ",\"Statement\":["
                + OK_STATEMENT
                + ",{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\"}]}",
            "Statement 2 has no Resource"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedDocument_isRefused_withAMessageNamingTheProblem(
      String problem, String document, String message) {
    assertThatThrownBy(() -> PolicyDocument.parse(document))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_POLICY))
        .hasMessageStartingWith("Policy document is Malformed: ")
        .hasMessageContaining(message);
  }

  @Test
  void document_ofExactly2048CharactersWithoutWhiteSpace_isAccepted_whateverItsWhiteSpace() {
    String document = padded(PolicyParser.MAX_CHARACTERS);

    assertThat(nonWhitespace(document)).isEqualTo(2048);
    assertThat(document.length()).isGreaterThan(4000);
    assertThat(PolicyDocument.parse(document).text()).isEqualTo(document);
  }

  @Test
  void document_of2049CharactersWithoutWhiteSpace_isRefused() {
    String document = padded(PolicyParser.MAX_CHARACTERS + 1);

    assertThatThrownBy(() -> PolicyDocument.parse(document))
        .isInstanceOf(ServiceException.class)
        .hasMessage(
            "Policy document is Malformed: The policy document has 2049 characters not counting"
                + " white space; the limit is 2048");
  }

  static Stream<Arguments> forms() {
    String action = "\"iot:Publish\"";
    String resource = Policies.json(topic("lamps/1"));
    return Stream.of(
        Arguments.of(
            "all arrays",
            "[{\"Effect\":\"Allow\",\"Action\":[" + action + "],\"Resource\":[" + resource + "]}]"),
        Arguments.of(
            "a single statement",
            "{\"Effect\":\"Allow\",\"Action\":[" + action + "],\"Resource\":[" + resource + "]}"),
        Arguments.of(
            "a single action",
            "[{\"Effect\":\"Allow\",\"Action\":" + action + ",\"Resource\":[" + resource + "]}]"),
        Arguments.of(
            "a single resource",
            "[{\"Effect\":\"Allow\",\"Action\":[" + action + "],\"Resource\":" + resource + "}]"),
        Arguments.of(
            "all single values",
            "{\"Sid\":\"one\",\"Effect\":\"Allow\",\"Action\":"
                + action
                + ",\"Resource\":"
                + resource
                + "}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void statementActionAndResource_mayBeSingleValuesOrArrays(String form, String statement) {
    PolicyDocument document =
        PolicyDocument.parse("{\"Id\":\"lamps\"," + V + ",\"Statement\":" + statement + "}");

    assertThat(decide(document, "iot:Publish", topic("lamps/1"), PolicyContext.empty()).allowed())
        .isTrue();
    assertThat(decide(document, "iot:Publish", topic("lamps/2"), PolicyContext.empty()).allowed())
        .isFalse();
  }

  @Test
  void text_isTheDocumentAsGiven() {
    String text = "{ " + V + ",\n  \"Statement\" : " + OK_STATEMENT + " }";

    assertThat(PolicyDocument.parse(text).text()).isEqualTo(text);
  }

  @Test
  void conditionValues_mayBeJsonBooleansAndNumbers() {
    PolicyDocument document =
        PolicyDocument.parse(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\",\"Condition\":"
                    + "{\"Bool\":{\"iot:Connection.Thing.IsAttached\":true},"
                    + "\"NumericGreaterThan\":{\"iot:Connection.Thing.Attributes[floor]\":2}}}"));
    PolicyContext context =
        PolicyContext.builder().thingAttached(true).thingAttribute("floor", "3").build();

    assertThat(decide(document, "iot:Connect", Policies.client("c"), context).allowed()).isTrue();
  }

  private static String doc(String statement) {
    return "{" + V + ",\"Statement\":[" + statement + "]}";
  }

  private static String withCondition(String condition) {
    return doc(
        "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\",\"Condition\":"
            + condition
            + "}");
  }

  /** A valid document of exactly {@code characters} non-white-space characters, well indented. */
  private static String padded(int characters) {
    String head =
        "{\n  "
            + V
            + ",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", \"Resource\": \"";
    String tail = "\"}\n  ]\n}\n";
    String prefix = Policies.topic("");
    int fixed = nonWhitespace(head) + nonWhitespace(tail) + prefix.length();
    StringBuilder document = new StringBuilder(head).append(prefix);
    document.append("x".repeat(characters - fixed));
    document.append(tail);
    document.append(" \n\t".repeat(1000));
    return document.toString();
  }

  private static int nonWhitespace(String text) {
    return (int) text.chars().filter(c -> !Character.isWhitespace(c)).count();
  }

  private static Arguments row(String problem, String document, String message) {
    return Arguments.of(problem, document, message);
  }
}
