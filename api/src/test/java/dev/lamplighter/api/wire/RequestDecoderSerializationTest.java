package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that cannot be read as the model says: {@code SerializationException}. */
class RequestDecoderSerializationTest {

  private static WireCall createThing(String body) {
    return WireCall.to("iot", "CreateThing").path("/things/lamp-1").body(body);
  }

  private static WireCall tagResource(String tags) {
    return WireCall.to("iot", "TagResource")
        .body("{\"resourceArn\": \"arn:x\", \"tags\": " + tags + "}");
  }

  static Stream<Arguments> wronglyTypedBodies() {
    return Stream.of(
        Arguments.of(
            createThing("{\"thingTypeName\": 5}"),
            "Unexpected value for 'thingTypeName': expected a string"),
        Arguments.of(
            createThing("{\"attributePayload\": []}"),
            "Unexpected value for 'attributePayload': expected an object"),
        Arguments.of(
            createThing("{\"attributePayload\": {\"attributes\": [\"state\"]}}"),
            "Unexpected value for 'attributePayload.attributes': expected a map of strings"),
        Arguments.of(
            createThing("{\"attributePayload\": {\"attributes\": {\"state\": 1}}}"),
            "Unexpected value for 'attributePayload.attributes': expected a map of strings"),
        Arguments.of(
            createThing("{\"attributePayload\": {\"attributes\": {\"state\": null}}}"),
            "Unexpected value for 'attributePayload.attributes': expected a map of strings"),
        Arguments.of(
            createThing("{\"attributePayload\": {\"merge\": \"true\"}}"),
            "Unexpected value for 'attributePayload.merge': expected a boolean"),
        Arguments.of(
            tagResource("{\"Key\": \"env\"}"),
            "Unexpected value for 'tags': expected a list of objects"),
        Arguments.of(
            tagResource("[\"env\"]"), "Unexpected value for 'tags': expected a list of objects"),
        Arguments.of(
            tagResource("[{\"Key\": 5}]"),
            "Unexpected value for 'tags.1.member.Key': expected a string"),
        Arguments.of(
            WireCall.to("iot", "UntagResource").body("{\"tagKeys\": \"env\"}"),
            "Unexpected value for 'tagKeys': expected a list of strings"),
        Arguments.of(
            WireCall.to("iot-jobs-data", "StartNextPendingJobExecution")
                .path("/things/lamp-1/jobs/$next")
                .body("{\"stepTimeoutInMinutes\": 1.5}"),
            "Unexpected value for 'stepTimeoutInMinutes': expected an integer"),
        Arguments.of(
            WireCall.to("iot-jobs-data", "StartNextPendingJobExecution")
                .path("/things/lamp-1/jobs/$next")
                .body("{\"stepTimeoutInMinutes\": \"5\"}"),
            "Unexpected value for 'stepTimeoutInMinutes': expected an integer"),
        Arguments.of(
            WireCall.to("iotsecuretunneling", "OpenTunnel")
                .body("{\"timeoutConfig\": {\"maxLifetimeTimeoutMinutes\": 3000000000}}"),
            "Unexpected value for 'timeoutConfig.maxLifetimeTimeoutMinutes': expected an integer"),
        Arguments.of(
            WireCall.to("iotsecuretunneling", "CloseTunnel")
                .body("{\"tunnelId\": \"t-1\", \"delete\": 1}"),
            "Unexpected value for 'delete': expected a boolean"),
        Arguments.of(
            WireCall.to("iotsecuretunneling", "OpenTunnel")
                .body("{\"destinationConfig\": {\"services\": [[\"SSH\"]]}}"),
            "Unexpected value for 'destinationConfig.services': expected a list of strings"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wronglyTypedBodies")
  void wrongJsonType_namesTheMemberPath(WireCall call, String message) {
    assertThat(call.unreadable()).isEqualTo(message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"thingTypeName\": ", "{thingTypeName: 1}", "{} {}", "{\"a\": 1,}", "nul"})
  void malformedJson_isASerializationError(String body) {
    assertThat(createThing(body).unreadable())
        .startsWith("Malformed JSON in the request body at line 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"thing\"", "42", "null"})
  void bodyThatIsNotAnObject_isASerializationError(String body) {
    assertThat(createThing(body).unreadable())
        .isEqualTo("Unexpected value for the request body: expected an object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "true"})
  void jsonProtocolBodyThatIsNotAnObject_isASerializationError(String body) {
    assertThat(WireCall.to("iotsecuretunneling", "ListTunnels").body(body).unreadable())
        .isEqualTo("Unexpected value for the request body: expected an object");
  }

  static Stream<Arguments> wronglyTypedParameters() {
    return Stream.of(
        Arguments.of(
            WireCall.to("iot", "ListThings").path("/things?maxResults=ten"),
            "Unexpected value for query parameter 'maxResults': expected an integer"),
        Arguments.of(
            WireCall.to("iot", "ListThings").path("/things?maxResults=2.5"),
            "Unexpected value for query parameter 'maxResults': expected an integer"),
        Arguments.of(
            WireCall.to("iot", "ListThings").path("/things?maxResults=99999999999"),
            "Unexpected value for query parameter 'maxResults': expected an integer"),
        Arguments.of(
            WireCall.to("iot", "ListThings").path("/things?maxResults="),
            "Unexpected value for query parameter 'maxResults': expected an integer"),
        Arguments.of(
            WireCall.to("iot", "ListThings").path("/things?usePrefixAttributeValue=yes"),
            "Unexpected value for query parameter 'usePrefixAttributeValue': expected a boolean"),
        Arguments.of(
            WireCall.to("iot", "DeleteThing").path("/things/lamp-1?expectedVersion=v2"),
            "Unexpected value for query parameter 'expectedVersion': expected an integer"),
        Arguments.of(
            WireCall.to("iot", "DeleteJobExecution")
                .path("/things/lamp-1/jobs/job-1/executionNumber/first"),
            "Unexpected value for path parameter 'executionNumber': expected an integer"),
        Arguments.of(
            WireCall.to("iot-data", "Publish")
                .path("/topics/lamps")
                .header("x-amz-mqtt5-user-properties", "not base64!"),
            "Unexpected value for header 'x-amz-mqtt5-user-properties': "
                + "expected base64-encoded JSON"),
        Arguments.of(
            WireCall.to("iot-data", "Publish")
                .path("/topics/lamps")
                .header("x-amz-mqtt5-user-properties", "bm90IGpzb24="),
            "Unexpected value for header 'x-amz-mqtt5-user-properties': "
                + "expected base64-encoded JSON"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wronglyTypedParameters")
  void wrongParameterType_namesTheParameter(WireCall call, String message) {
    assertThat(call.unreadable()).isEqualTo(message);
  }
}
