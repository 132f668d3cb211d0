package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireJsonTest {
  private static final ObjectMapper MAPPER = WireJson.mapper();

  record Stamp(String name, Instant at) {}

  record AttributePayload(Map<String, String> attributes, Boolean merge) {}

  record CreateThingRequest(
      String thingName, String thingTypeName, AttributePayload attributePayload) {}

  record TagResourceRequest(String resourceArn, List<Tag> tags) {}

  record Tag(String Key, String Value) {}

  record Empty() {}

  @Test
  void instant_isWrittenAsEpochSecondsWithMilliseconds() throws JsonProcessingException {
    Instant at = Instant.ofEpochMilli(1_700_000_000_123L);

    assertThat(MAPPER.writeValueAsString(new Stamp("lamp", at)))
        .isEqualTo("{\"name\":\"lamp\",\"at\":1700000000.123}");
    assertThat(MAPPER.writeValueAsString(new Stamp("lamp", Instant.ofEpochSecond(1_700_000_000))))
        .isEqualTo("{\"name\":\"lamp\",\"at\":1700000000.000}");
    assertThat(MAPPER.writeValueAsString(new Stamp("old", Instant.ofEpochMilli(-500))))
        .isEqualTo("{\"name\":\"old\",\"at\":-0.500}");
  }

  @ParameterizedTest
  @CsvSource({
    "1700000000.123, 1700000000123",
    "1.700000000123E9, 1700000000123",
    "1700000000, 1700000000000",
    "'\"1700000000.5\"', 1700000000500",
    "'\"2023-11-14T22:13:20.123Z\"', 1700000000123",
    "-0.5, -500"
  })
  void instant_isReadFromEpochSeconds(String json, long epochMillis)
      throws JsonProcessingException {
    Stamp stamp = MAPPER.readValue("{\"at\": " + json + "}", Stamp.class);

    assertThat(stamp.at()).isEqualTo(Instant.ofEpochMilli(epochMillis));
  }

  @Test
  void instant_roundTripsThroughATree() throws JsonProcessingException {
    Stamp original = new Stamp("lamp", Instant.ofEpochMilli(1_700_000_000_999L));

    ObjectNode tree = MAPPER.valueToTree(original);

    assertThat(MAPPER.treeToValue(tree, Stamp.class)).isEqualTo(original);
  }

  @Test
  void unreadableInstant_isAJacksonFormatError() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"at\": \"yesterday\"}", Stamp.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void nulls_areOmittedFromObjectsAndMaps() throws JsonProcessingException {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("state", "on");
    attributes.put("zone", null);

    String json =
        MAPPER.writeValueAsString(
            new CreateThingRequest("lamp-1", null, new AttributePayload(attributes, null)));

    assertThat(json)
        .isEqualTo(
            "{\"thingName\":\"lamp-1\",\"attributePayload\":{\"attributes\":{\"state\":\"on\"}}}");
  }

  @Test
  void emptyRecord_isWrittenAsEmptyObject() throws JsonProcessingException {
    assertThat(MAPPER.writeValueAsString(new Empty())).isEqualTo("{}");
  }

  @Test
  void decodedInput_bindsToRequestRecordsIgnoringUnknownMembers() throws JsonProcessingException {
    ObjectNode input =
        WireCall.to("iot", "CreateThing")
            .path("/things/lamp-1")
            .body(
                "{\"thingTypeName\": \"streetlight\", \"billingGroupName\": \"city\","
                    + " \"attributePayload\": {\"attributes\": {\"state\": \"on\"}}}")
            .decode();

    CreateThingRequest request = MAPPER.treeToValue(input, CreateThingRequest.class);

    assertThat(request)
        .isEqualTo(
            new CreateThingRequest(
                "lamp-1", "streetlight", new AttributePayload(Map.of("state", "on"), null)));
  }

  @Test
  void decodedListOfStructures_bindsToRecords() throws JsonProcessingException {
    ObjectNode input =
        WireCall.to("iot", "TagResource")
            .body(
                "{\"resourceArn\": \"arn:x\", \"tags\": [{\"Key\": \"env\", \"Value\": \"prod\"}]}")
            .decode();

    TagResourceRequest request = MAPPER.treeToValue(input, TagResourceRequest.class);

    assertThat(request.tags()).containsExactly(new Tag("env", "prod"));
  }

  @Test
  void trailingContent_isRejected() {
    assertThatThrownBy(() -> MAPPER.readTree("{} {}")).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void newMapper_isIndependentOfTheSharedOne() {
    assertThat(WireJson.newMapper()).isNotSameAs(WireJson.mapper());
  }
}
