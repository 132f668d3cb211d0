package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests that decode: where each member comes from and what the input tree looks like. */
class RequestDecoderBindingTest {

  private static JsonNode json(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Equal as JSON, whatever Java type holds each number ({@code 5} as int or long). */
  private static boolean sameJson(JsonNode actual, String expected) {
    Comparator<JsonNode> numbersByValue =
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
    return actual.equals(numbersByValue, json(expected));
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }

  @Test
  void createThing_bindsTheUriLabelAndBodyMembersInMemberOrder() {
    ObjectNode input =
        WireCall.to("iot", "CreateThing")
            .path("/things/lamp-1")
            .body(
                """
                {"thingTypeName": "streetlight",
                 "attributePayload": {"attributes": {"state": "on", "zone": "north"}, "merge": true},
                 "billingGroupName": null,
                 "somethingAwsAddsLater": {"x": 1}}
                """)
            .decode();

    assertThat(input)
        .isEqualTo(
            json(
                """
                {"attributePayload": {"attributes": {"state": "on", "zone": "north"}, "merge": true},
                 "thingName": "lamp-1",
                 "thingTypeName": "streetlight"}
                """));
    assertThat(fieldNames(input)).containsExactly("attributePayload", "thingName", "thingTypeName");
  }

  @Test
  void createThing_withEmptyBody_hasOnlyTheLabel() {
    ObjectNode input = WireCall.to("iot", "CreateThing").path("/things/lamp-1").decode();

    assertThat(input).isEqualTo(json("{\"thingName\": \"lamp-1\"}"));
  }

  @Test
  void createThing_percentEncodedLabel_isDecoded() {
    ObjectNode input = WireCall.to("iot", "CreateThing").path("/things/lamp%3A1").decode();

    assertThat(input.get("thingName").textValue()).isEqualTo("lamp:1");
  }

  @Test
  void createThing_bodyMemberNamedLikeTheLabel_doesNotOverrideTheLabel() {
    ObjectNode input =
        WireCall.to("iot", "CreateThing")
            .path("/things/lamp-1")
            .body("{\"thingName\": \"other\"}")
            .decode();

    assertThat(input.get("thingName").textValue()).isEqualTo("lamp-1");
  }

  @Test
  void listThings_parsesTypedQueryParameters() {
    ObjectNode input =
        WireCall.to("iot", "ListThings")
            .path(
                "/things?maxResults=25&usePrefixAttributeValue=TRUE&nextToken=abc%3D%3D&attributeName=zone")
            .decode();

    assertThat(input)
        .isEqualTo(
            json(
                """
                {"attributeName": "zone", "maxResults": 25, "nextToken": "abc==",
                 "usePrefixAttributeValue": true}
                """));
    assertThat(input.get("maxResults").isInt()).isTrue();
    assertThat(input.get("usePrefixAttributeValue").isBoolean()).isTrue();
  }

  @Test
  void listThings_withoutParameters_isEmpty() {
    assertThat(WireCall.to("iot", "ListThings").path("/things").decode()).isEmpty();
  }

  @Test
  void deleteThing_readsExpectedVersionAsLong() {
    ObjectNode input =
        WireCall.to("iot", "DeleteThing")
            .path("/things/lamp-1?expectedVersion=12345678901")
            .decode();

    assertThat(input.get("expectedVersion").isLong()).isTrue();
    assertThat(input.get("expectedVersion").longValue()).isEqualTo(12_345_678_901L);
  }

  @Test
  void describeEndpoint_readsEndpointType() {
    ObjectNode input =
        WireCall.to("iot", "DescribeEndpoint")
            .path("/endpoint?endpointType=iot%3AData-ATS")
            .decode();

    assertThat(input).isEqualTo(json("{\"endpointType\": \"iot:Data-ATS\"}"));
  }

  @Test
  void tagResource_readsListOfTagStructures() {
    ObjectNode input =
        WireCall.to("iot", "TagResource")
            .body(
                """
                {"resourceArn": "arn:aws:iot:eu-west-1:123456789012:thing/lamp-1",
                 "tags": [{"Key": "env", "Value": "prod"}, {"Key": "team"}]}
                """)
            .decode();

    assertThat(input.at("/tags/1/Key").textValue()).isEqualTo("team");
    assertThat(input.get("tags")).hasSize(2);
  }

  @Test
  void untagResource_readsListOfKeys() {
    ObjectNode input =
        WireCall.to("iot", "UntagResource")
            .body("{\"resourceArn\": \"arn:x\", \"tagKeys\": [\"env\", \"team\"]}")
            .decode();

    assertThat(input.get("tagKeys")).isEqualTo(json("[\"env\", \"team\"]"));
  }

  @Test
  void attachThingPrincipal_readsHeaderCaseInsensitively() {
    ObjectNode input =
        WireCall.to("iot", "AttachThingPrincipal")
            .path("/things/lamp-1/principals")
            .header("X-Amzn-Principal", "arn:aws:iot:eu-west-1:123456789012:cert/abc")
            .decode();

    assertThat(input.get("principal").textValue())
        .isEqualTo("arn:aws:iot:eu-west-1:123456789012:cert/abc");
  }

  @Test
  void addThingToThingGroup_literalRouteWinsOverGroupNameLabel() {
    WireModel iot = WireCall.model("iot");
    String path = "/thing-groups/addThingToThingGroup";

    List<OperationSpec> matching =
        new ArrayList<>(
            iot.operations().stream().filter(op -> op.template().match(path).isPresent()).toList());
    Collections.reverse(matching);
    List<OperationSpec> candidates =
        matching.stream()
            .sorted(Comparator.comparing(OperationSpec::template, UriTemplate.MOST_SPECIFIC_FIRST))
            .toList();
    ObjectNode input =
        WireCall.to(iot, "AddThingToThingGroup")
            .path(path)
            .body(
                "{\"thingGroupName\": \"north\", \"thingName\": \"lamp-1\", \"overrideDynamicGroups\": false}")
            .decode();

    assertThat(candidates).extracting(OperationSpec::name).contains("DescribeThingGroup");
    assertThat(candidates.get(0).name()).isEqualTo("AddThingToThingGroup");
    assertThat(input)
        .isEqualTo(
            json(
                "{\"overrideDynamicGroups\": false, \"thingGroupName\": \"north\", \"thingName\": \"lamp-1\"}"));
  }

  @Test
  void updateThingType_readsNestedStructures() {
    ObjectNode input =
        WireCall.to("iot", "UpdateThingType")
            .path("/thing-types/streetlight")
            .body(
                """
                {"thingTypeProperties": {"searchableAttributes": ["zone"],
                  "mqtt5Configuration": {"propagatingAttributes": [
                    {"userPropertyKey": "zone", "thingAttribute": "zone"}]}}}
                """)
            .decode();

    assertThat(
            input
                .at(
                    "/thingTypeProperties/mqtt5Configuration/propagatingAttributes/0/userPropertyKey")
                .textValue())
        .isEqualTo("zone");
    assertThat(input.get("thingTypeName").textValue()).isEqualTo("streetlight");
  }

  @Test
  void publish_takesRawBodyAsPayloadAndQueryAndHeaders() {
    String userProperties =
        Base64.getEncoder().encodeToString("[{\"a\":\"b\"}]".getBytes(StandardCharsets.UTF_8));

    ObjectNode input =
        WireCall.to("iot-data", "Publish")
            .path(
                "/topics/lamps%2Fnorth%2F1?qos=1&retain=true&contentType=text%2Fplain&messageExpiry=60")
            .header("x-amz-mqtt5-payload-format-indicator", "UTF8_DATA")
            .header("X-Amz-Mqtt5-User-Properties", userProperties)
            .body(new byte[] {'o', 'n', 0, (byte) 0xff})
            .decode();

    assertThat(input.get("topic").textValue()).isEqualTo("lamps/north/1");
    assertThat(input.get("qos").intValue()).isEqualTo(1);
    assertThat(input.get("retain").booleanValue()).isTrue();
    assertThat(input.get("messageExpiry").longValue()).isEqualTo(60L);
    assertThat(input.get("contentType").textValue()).isEqualTo("text/plain");
    assertThat(input.get("payloadFormatIndicator").textValue()).isEqualTo("UTF8_DATA");
    assertThat(input.get("userProperties").textValue()).isEqualTo("[{\"a\":\"b\"}]");
    assertThat(Base64.getDecoder().decode(input.get("payload").textValue()))
        .containsExactly('o', 'n', 0, 0xff);
  }

  @Test
  void publish_withEmptyBody_hasNoPayload() {
    ObjectNode input = WireCall.to("iot-data", "Publish").path("/topics/lamps").decode();

    assertThat(input).isEqualTo(json("{\"topic\": \"lamps\"}"));
  }

  @Test
  void publish_topicWithUnencodedSlashes_doesNotMatchBecauseTheModelLabelIsNotGreedy() {
    // botocore models Publish as /topics/{topic}; SDKs encode '/' in the topic as %2F.
    UriTemplate template = WireCall.model("iot-data").operation("Publish").template();

    assertThat(template.isGreedy("topic")).isFalse();
    assertThat(template.match("/topics/lamps/north")).isEmpty();
  }

  @Test
  void startNextPendingJobExecution_dollarNextLiteralWinsOverJobIdLabel() {
    WireModel jobs = WireCall.model("iot-jobs-data");
    String path = "/things/lamp-1/jobs/$next";

    List<String> byPreference =
        jobs.operations().stream()
            .filter(op -> op.template().match(path).isPresent())
            .sorted(Comparator.comparing(OperationSpec::template, UriTemplate.MOST_SPECIFIC_FIRST))
            .map(OperationSpec::name)
            .toList();
    ObjectNode input =
        WireCall.to(jobs, "StartNextPendingJobExecution")
            .path("/things/lamp-1/jobs/%24next")
            .body("{\"statusDetails\": {\"progress\": \"10%\"}, \"stepTimeoutInMinutes\": 5}")
            .decode();

    assertThat(byPreference.get(0)).isEqualTo("StartNextPendingJobExecution");
    assertThat(byPreference).contains("DescribeJobExecution", "UpdateJobExecution");
    assertThat(input.get("stepTimeoutInMinutes").isLong()).isTrue();
    assertThat(
            sameJson(
                input,
                "{\"statusDetails\": {\"progress\": \"10%\"}, \"stepTimeoutInMinutes\": 5, \"thingName\": \"lamp-1\"}"))
        .as(input.toString())
        .isTrue();
  }

  @Test
  void describeJobExecution_acceptsDollarNextAsJobId() {
    ObjectNode input =
        WireCall.to("iot-jobs-data", "DescribeJobExecution")
            .path("/things/lamp-1/jobs/$next?includeJobDocument=false&executionNumber=3")
            .decode();

    assertThat(
            sameJson(
                input,
                "{\"executionNumber\": 3, \"includeJobDocument\": false, \"jobId\": \"$next\", \"thingName\": \"lamp-1\"}"))
        .as(input.toString())
        .isTrue();
  }

  @Test
  void openTunnel_readsTheWholeInputFromTheBody() {
    ObjectNode input =
        WireCall.to("iotsecuretunneling", "OpenTunnel")
            .body(
                """
                {"description": "door controller",
                 "destinationConfig": {"thingName": "lamp-1", "services": ["SSH"]},
                 "timeoutConfig": {"maxLifetimeTimeoutMinutes": 720},
                 "tags": [{"key": "site", "value": "north"}]}
                """)
            .decode();

    assertThat(input.at("/destinationConfig/services/0").textValue()).isEqualTo("SSH");
    assertThat(input.at("/timeoutConfig/maxLifetimeTimeoutMinutes").intValue()).isEqualTo(720);
    assertThat(fieldNames(input))
        .containsExactly("description", "destinationConfig", "tags", "timeoutConfig");
  }

  @Test
  void openTunnel_withEmptyBody_isAnEmptyInput() {
    assertThat(WireCall.to("iotsecuretunneling", "OpenTunnel").decode()).isEmpty();
  }

  @Test
  void bodyOverTheLimit_isTooLarge() {
    WireModel iot = WireCall.model("iot");
    OperationSpec op = iot.operation("TagResource");
    byte[] body = new byte[65];

    ServiceException failure =
        catchThrowableOfType(
            ServiceException.class,
            () -> new RequestDecoder(iot, 64).decode(op, Map.of(), Map.of(), Map.of(), body));

    assertThat(failure.code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE);
    assertThat(failure.getMessage())
        .isEqualTo("Request body of 65 bytes exceeds the limit of 64 bytes");
  }

  @Test
  void operationOfAnotherModel_isRefused() {
    RequestDecoder decoder = new RequestDecoder(WireCall.model("iot"));
    OperationSpec other = WireCall.model("iot-jobs-data").operation("DescribeJobExecution");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> decoder.decode(other, Map.of(), Map.of(), Map.of(), new byte[0]));
  }

  @Test
  void decode_isPure_theSameRequestDecodesTheSameTwice() {
    WireCall call =
        WireCall.to("iot", "CreateThing").path("/things/lamp-1").body("{\"thingTypeName\": \"t\"}");

    assertThat(call.decode()).isEqualTo(call.decode());
  }
}
