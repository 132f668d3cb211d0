package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests that read fine but break the model's constraints: AWS's exact messages. */
class RequestDecoderValidationTest {
  private static final String THING_NAME_PATTERN = "[a-zA-Z0-9:_-]+";
  private static final String TAG_KEY_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";

  private static String one(String violation) {
    return "1 validation error detected: " + violation;
  }

  static Stream<Arguments> constraintPhrases() {
    return Stream.of(
        Arguments.of(
            "pattern",
            WireCall.to("iot", "CreateThing").path("/things/bad%20name"),
            one(
                "Value 'bad name' at 'thingName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: "
                    + THING_NAME_PATTERN)),
        Arguments.of(
            "length at most",
            WireCall.to("iot", "DescribeEndpoint")
                .path("/endpoint?endpointType=" + "e".repeat(129)),
            one(
                "Value '"
                    + "e".repeat(129)
                    + "' at 'endpointType' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 128")),
        Arguments.of(
            "length at least",
            WireCall.to("iot", "UntagResource")
                .body("{\"resourceArn\": \"arn:x\", \"tagKeys\": [\"\"]}"),
            one(
                "Value '' at 'tagKeys.1.member' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1")),
        Arguments.of(
            "value at most",
            WireCall.to("iot", "ListThings").path("/things?maxResults=251"),
            one(
                "Value '251' at 'maxResults' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 250")),
        Arguments.of(
            "value at least",
            WireCall.to("iot", "ListThings").path("/things?maxResults=0"),
            one(
                "Value '0' at 'maxResults' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1")),
        Arguments.of(
            "enum",
            WireCall.to("iot-data", "Publish")
                .path("/topics/lamps")
                .header("x-amz-mqtt5-payload-format-indicator", "TEXT"),
            one(
                "Value 'TEXT' at 'payloadFormatIndicator' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [UNSPECIFIED_BYTES, UTF8_DATA]")),
        Arguments.of(
            "required",
            WireCall.to("iot", "TagResource").body("{\"resourceArn\": \"arn:x\"}"),
            one("Value null at 'tags' failed to satisfy constraint: Member must not be null")),
        Arguments.of(
            "list size at least",
            WireCall.to("iotsecuretunneling", "TagResource")
                .body("{\"resourceArn\": \"arn:x\", \"tags\": []}"),
            one(
                "Value '[]' at 'tags' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1")),
        Arguments.of(
            "qos range of Publish",
            WireCall.to("iot-data", "Publish").path("/topics/lamps?qos=2"),
            one(
                "Value '2' at 'qos' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 1")),
        Arguments.of(
            "enum of a JSON protocol body",
            WireCall.to("iotsecuretunneling", "RotateTunnelAccessToken")
                .body("{\"tunnelId\": \"t-1\", \"clientMode\": \"BOTH\"}"),
            one(
                "Value 'BOTH' at 'clientMode' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [SOURCE, DESTINATION, ALL]")),
        Arguments.of(
            "integer range in a JSON protocol body",
            WireCall.to("iotsecuretunneling", "OpenTunnel")
                .body("{\"timeoutConfig\": {\"maxLifetimeTimeoutMinutes\": 721}}"),
            one(
                "Value '721' at 'timeoutConfig.maxLifetimeTimeoutMinutes' failed to satisfy "
                    + "constraint: Member must have value less than or equal to 720")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constraintPhrases")
  void constraintViolation_isReportedInAwsFormat(String constraint, WireCall call, String message) {
    assertThat(call.invalid()).isEqualTo(message);
  }

  @Test
  void emptyLabel_failsLengthAndPatternInThatOrder() {
    String message = WireCall.to("iot", "CreateThing").path("/things/").invalid();

    assertThat(message)
        .isEqualTo(
            "2 validation errors detected: "
                + "Value '' at 'thingName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1; "
                + "Value '' at 'thingName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: "
                + THING_NAME_PATTERN);
  }

  @Test
  void missingRequiredMembers_areAllReportedInMemberOrder() {
    String message = WireCall.to("iot", "TagResource").body("{}").invalid();

    assertThat(message)
        .isEqualTo(
            "2 validation errors detected: "
                + "Value null at 'resourceArn' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'tags' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void listOfStructures_reportsMembersAtOneBasedPaths() {
    String message =
        WireCall.to("iot", "TagResource")
            .body(
                """
                {"resourceArn": "arn:x",
                 "tags": [{"Key": "ok"}, {"Value": "no key"}, {"Key": "bad*key"}]}
                """)
            .invalid();

    assertThat(message)
        .isEqualTo(
            "2 validation errors detected: "
                + "Value null at 'tags.2.member.Key' failed to satisfy constraint: "
                + "Member must not be null; "
                + "Value 'bad*key' at 'tags.3.member.Key' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: "
                + TAG_KEY_PATTERN);
  }

  @Test
  void nestedStructures_reportFullPathsAcrossMembersInOrder() {
    String message =
        WireCall.to("iot", "UpdateThingType")
            .path("/thing-types/streetlight")
            .body(
                """
                {"thingTypeProperties": {
                   "searchableAttributes": ["zone", "bad attr"],
                   "mqtt5Configuration": {"propagatingAttributes": [
                     {"userPropertyKey": "bad key", "thingAttribute": "zone"}]}}}
                """)
            .invalid();

    assertThat(message)
        .isEqualTo(
            "2 validation errors detected: "
                + "Value 'bad key' at "
                + "'thingTypeProperties.mqtt5Configuration.propagatingAttributes.1.member.userPropertyKey'"
                + " failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9:$.]+; "
                + "Value 'bad attr' at 'thingTypeProperties.searchableAttributes.2.member' "
                + "failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.,@/:#-]+");
  }

  @Test
  void mapKeys_reportEveryFailedKeyConstraintOnceInStableOrder() {
    String longKey = "k".repeat(129);
    String message =
        WireCall.to("iot", "CreateThing")
            .path("/things/lamp-1")
            .body(
                "{\"attributePayload\": {\"attributes\": {\"bad key\": \"x\", \""
                    + longKey
                    + "\": \"y\"}}}")
            .invalid();

    assertThat(message)
        .isEqualTo(
            one(
                "Value '{bad key=x, "
                    + longKey
                    + "=y}' at 'attributePayload.attributes' failed to satisfy constraint: "
                    + "Map keys must satisfy constraint: ["
                    + "Member must have length less than or equal to 128, "
                    + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.,@/:#-]+]"));
  }

  @Test
  void mapValues_reportFailedValueConstraints() {
    String message =
        WireCall.to("iot", "CreateThing")
            .path("/things/lamp-1")
            .body("{\"attributePayload\": {\"attributes\": {\"state\": \"on off\"}}}")
            .invalid();

    assertThat(message)
        .isEqualTo(
            one(
                "Value '{state=on off}' at 'attributePayload.attributes' failed to satisfy "
                    + "constraint: Map value must satisfy constraint: "
                    + "[Member must satisfy regular expression pattern: "
                    + "[a-zA-Z0-9_.,@/:#=\\[\\]-]*]"));
  }

  @Test
  void mapValues_withSeveralFailedConstraints_listThemAll() {
    String message =
        WireCall.to("iot-jobs-data", "StartNextPendingJobExecution")
            .path("/things/lamp-1/jobs/$next")
            .body("{\"statusDetails\": {\"progress\": \"\"}}")
            .invalid();

    assertThat(message)
        .isEqualTo(
            one(
                "Value '{progress=}' at 'statusDetails' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: ["
                    + "Member must have length greater than or equal to 1, "
                    + "Member must satisfy regular expression pattern: [^\\p{C}]+]"));
  }

  @Test
  void lengths_countUnicodeCodePointsNotUtf16Units() {
    String key128 = "𝒜".repeat(128);
    String key129 = "𝒜".repeat(129);
    WireCall accepted =
        WireCall.to("iot", "UntagResource")
            .body("{\"resourceArn\": \"arn:x\", \"tagKeys\": [\"" + key128 + "\"]}");

    String message =
        WireCall.to("iot", "UntagResource")
            .body("{\"resourceArn\": \"arn:x\", \"tagKeys\": [\"" + key129 + "\"]}")
            .invalid();

    assertThat(accepted.decode().at("/tagKeys/0").textValue()).isEqualTo(key128);
    assertThat(message)
        .isEqualTo(
            one(
                "Value '"
                    + key129
                    + "' at 'tagKeys.1.member' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 128"));
  }

  @Test
  void veryLongValues_areShownTruncated() {
    String name = "n".repeat(300);

    String message = WireCall.to("iot", "CreateThing").path("/things/" + name).invalid();

    assertThat(message)
        .isEqualTo(
            one(
                "Value '"
                    + "n".repeat(256)
                    + "...' at 'thingName' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 128"));
  }

  @Test
  void listSizeAboveMaximum_showsTheListAndItsLimit() {
    String tags =
        IntStream.rangeClosed(1, 201)
            .mapToObj(i -> "{\"key\": \"k" + i + "\", \"value\": \"v\"}")
            .collect(Collectors.joining(", ", "[", "]"));

    String message =
        WireCall.to("iotsecuretunneling", "TagResource")
            .body("{\"resourceArn\": \"arn:x\", \"tags\": " + tags + "}")
            .invalid();

    assertThat(message)
        .startsWith("1 validation error detected: Value '[{key=k1, value=v}, {key=k2, value=v}")
        .endsWith(
            "...' at 'tags' failed to satisfy constraint: "
                + "Member must have length less than or equal to 200");
  }

  @Test
  void nestedRequiredMember_ofAJsonProtocolBody_isReported() {
    String message =
        WireCall.to("iotsecuretunneling", "OpenTunnel")
            .body("{\"destinationConfig\": {\"thingName\": \"lamp-1\"}}")
            .invalid();

    assertThat(message)
        .isEqualTo(
            one(
                "Value null at 'destinationConfig.services' failed to satisfy constraint: "
                    + "Member must not be null"));
  }

  @Test
  void validRequest_nearTheLimits_isAccepted() {
    assertThat(WireCall.to("iot", "ListThings").path("/things?maxResults=250").decode())
        .isNotEmpty();
    assertThat(WireCall.to("iot", "ListThings").path("/things?maxResults=1").decode()).isNotEmpty();
    assertThat(WireCall.to("iot", "CreateThing").path("/things/" + "n".repeat(128)).decode())
        .isNotEmpty();
  }
}
