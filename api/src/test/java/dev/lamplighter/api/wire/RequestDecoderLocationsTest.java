package dev.lamplighter.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Bindings the four AWS models do not use today but botocore defines (prefixed header maps, query
 * maps, lists and timestamps in the query and headers, structure payloads, required query
 * parameters in the URI), checked against a small model written for the purpose.
 */
class RequestDecoderLocationsTest {
  private static final WireModel LAMPS =
      WireModel.fromJson(
          json(
              """
              {"service": "lamps", "protocol": "rest-json", "apiVersion": "2024-01-01",
               "signingNames": ["lamps"],
               "operations": {
                 "PutLamp": {"method": "PUT", "uri": "/lamps/{lampId}?mode=bright",
                             "input": "PutLampRequest", "errors": [], "responseCode": 201},
                 "PutDoc": {"method": "PUT", "uri": "/docs/{docId+}", "input": "PutDocRequest",
                            "errors": []}},
               "shapes": {
                 "PutLampRequest": {"type": "structure", "required": ["lampId"], "members": {
                   "lampId": {"shape": "LampId", "location": "uri", "locationName": "lampId"},
                   "since": {"shape": "Time", "location": "querystring", "locationName": "since"},
                   "until": {"shape": "Time", "location": "header", "locationName": "x-lamp-until"},
                   "epoch": {"shape": "Time", "location": "header", "locationName": "x-lamp-epoch",
                             "timestampFormat": "unixTimestamp"},
                   "colours": {"shape": "Colours", "location": "querystring",
                               "locationName": "colour"},
                   "sizes": {"shape": "Sizes", "location": "header", "locationName": "x-lamp-sizes"},
                   "meta": {"shape": "Labels", "location": "headers", "locationName": "x-lamp-meta-"},
                   "extra": {"shape": "Labels", "location": "querystring"},
                   "ratio": {"shape": "Ratio", "location": "querystring", "locationName": "ratio"},
                   "secret": {"shape": "Secret"},
                   "renamed": {"shape": "Label", "locationName": "Renamed"},
                   "blob": {"shape": "Bytes"}}},
                 "LampId": {"type": "string", "min": 1, "max": 8, "pattern": "[a-z0-9-]+"},
                 "Time": {"type": "timestamp"},
                 "Colours": {"type": "list", "member": {"shape": "Colour"}, "max": 2},
                 "Colour": {"type": "string", "enum": ["red", "green", "blue"]},
                 "Sizes": {"type": "list", "member": {"shape": "Size"}},
                 "Size": {"type": "integer"},
                 "Labels": {"type": "map", "key": {"shape": "Label"}, "value": {"shape": "Label"}},
                 "Label": {"type": "string"},
                 "Ratio": {"type": "double", "min": 1.1, "max": 5},
                 "Secret": {"type": "string", "sensitive": true, "min": 4},
                 "Bytes": {"type": "blob", "max": 3},
                 "PutDocRequest": {"type": "structure", "payload": "doc", "members": {
                   "docId": {"shape": "Label", "location": "uri", "locationName": "docId"},
                   "doc": {"shape": "Doc"}}},
                 "Doc": {"type": "structure", "required": ["title"], "members": {
                   "title": {"shape": "LampId"}, "pages": {"shape": "Size"}}}}}
              """));

  private static JsonNode json(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WireCall putLamp(String pathAndQuery) {
    return WireCall.to(LAMPS, "PutLamp").path(pathAndQuery);
  }

  @Test
  void everyLocation_bindsToItsMemberName() {
    ObjectNode input =
        putLamp(
                "/lamps/l-1?mode=bright&since=2023-11-14T22:13:20.123Z&colour=red&colour=blue"
                    + "&ratio=2.5&zone=north&floor=3")
            .header("X-Lamp-Until", "Tue, 14 Nov 2023 22:13:21 GMT")
            .header("x-lamp-epoch", "1700000000.5")
            .header("x-lamp-sizes", "1, 2,3")
            .header("X-Lamp-Meta-Owner", "ops")
            .header("x-lamp-meta-site", "depot")
            .body("{\"Renamed\": \"r\", \"blob\": \"AAEC\", \"secret\": \"hunter22\"}")
            .decode();

    assertThat(input)
        .isEqualTo(
            json(
                """
                {"lampId": "l-1", "since": 1700000000.123, "until": 1700000001.000,
                 "epoch": 1700000000.500, "colours": ["red", "blue"], "sizes": [1, 2, 3],
                 "meta": {"Owner": "ops", "site": "depot"},
                 "extra": {"zone": "north", "floor": "3"}, "ratio": 2.5, "secret": "hunter22",
                 "renamed": "r", "blob": "AAEC"}
                """));
    assertThat(LAMPS.operation("PutLamp").responseCode()).hasValue(201);
    assertThat(LAMPS.operation("PutLamp").template().acceptsQuery(java.util.Map.of())).isFalse();
  }

  @Test
  void timestamps_inTheWrongFormatForTheirLocation_areSerializationErrors() {
    assertThat(putLamp("/lamps/l-1?since=Tue,%2014%20Nov%202023%2022:13:21%20GMT").unreadable())
        .isEqualTo("Unexpected value for query parameter 'since': expected a timestamp");
    assertThat(putLamp("/lamps/l-1").header("x-lamp-until", "2023-11-14T22:13:20Z").unreadable())
        .isEqualTo("Unexpected value for header 'x-lamp-until': expected a timestamp");
    assertThat(putLamp("/lamps/l-1").header("x-lamp-sizes", "1,two").unreadable())
        .isEqualTo("Unexpected value for header 'x-lamp-sizes': expected an integer");
  }

  @Test
  void listInQuery_isValidatedPerElementAndBySize() {
    String message = putLamp("/lamps/l-1?colour=red&colour=pink&colour=blue").invalid();

    assertThat(message)
        .isEqualTo(
            "2 validation errors detected: "
                + "Value '[red, pink, blue]' at 'colours' failed to satisfy constraint: "
                + "Member must have length less than or equal to 2; "
                + "Value 'pink' at 'colours.2.member' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [red, green, blue]");
  }

  @Test
  void decimalRanges_areShownAsTheModelWritesThem() {
    assertThat(putLamp("/lamps/l-1?ratio=1.05").invalid())
        .isEqualTo(
            "1 validation error detected: Value '1.05' at 'ratio' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1.1");
    assertThat(putLamp("/lamps/l-1?ratio=Infinity").invalid())
        .endsWith("Member must have value less than or equal to 5");
  }

  @Test
  void sensitiveValues_areRedactedInMessages() {
    String message = putLamp("/lamps/l-1").body("{\"secret\": \"abc\"}").invalid();

    assertThat(message)
        .isEqualTo(
            "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secret' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 4");
  }

  @Test
  void blobLength_countsDecodedBytes() {
    assertThat(putLamp("/lamps/l-1").body("{\"blob\": \"AAECAw==\"}").invalid())
        .endsWith(
            "at 'blob' failed to satisfy constraint: "
                + "Member must have length less than or equal to 3");
    assertThat(putLamp("/lamps/l-1").body("{\"blob\": \"%%%\"}").unreadable())
        .isEqualTo("Unexpected value for 'blob': expected a base64-encoded string");
  }

  @Test
  void structurePayload_isTheWholeBodyAndReportsPathsUnderTheMember() {
    ObjectNode input =
        WireCall.to(LAMPS, "PutDoc")
            .path("/docs/manuals/lamp%201")
            .body("{\"title\": \"intro\", \"pages\": 3}")
            .decode();
    String message = WireCall.to(LAMPS, "PutDoc").path("/docs/a").body("{\"pages\": 3}").invalid();

    assertThat(input)
        .isEqualTo(
            json("{\"docId\": \"manuals/lamp 1\", \"doc\": {\"title\": \"intro\", \"pages\": 3}}"));
    assertThat(message)
        .isEqualTo(
            "1 validation error detected: Value null at 'doc.title' failed to satisfy "
                + "constraint: Member must not be null");
    assertThat(WireCall.to(LAMPS, "PutDoc").path("/docs/a").body("{\"pages\": \"3\"}").unreadable())
        .isEqualTo("Unexpected value for 'doc.pages': expected an integer");
  }
}
