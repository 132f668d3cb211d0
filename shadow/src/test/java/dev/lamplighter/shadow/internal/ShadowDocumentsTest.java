package dev.lamplighter.shadow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shadow rules against the examples of AWS IoT's Device Shadow documentation: merge with nulls,
 * nested objects and arrays, per-leaf metadata, delta, and the request checks with AWS's messages.
 */
class ShadowDocumentsTest {
  private static final long T1 = 1_700_000_000L;
  private static final long T2 = 1_700_000_060L;

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) ShadowDocuments.MAPPER.readTree(text.replace('\'', '"'));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static ObjectNode merged(String stored, String request, long timestamp) {
    ObjectNode state = json(stored);
    ObjectNode metadata = ShadowDocuments.object();
    ShadowDocuments.merge(state, metadata, json(request), timestamp);
    return state;
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // Updates affect only the fields specified.
        "{'color':'RED','power':'on'} | {'color':'GREEN'} | {'color':'GREEN','power':'on'}",
        // null deletes a key.
        "{'color':'RED','engine':'ON'} | {'engine':null} | {'color':'RED'}",
        // Objects merge key by key, to any depth.
        "{'lights':{'color':{'r':255,'g':0,'b':255}}} | {'lights':{'color':{'g':255}}}"
            + " | {'lights':{'color':{'r':255,'g':255,'b':255}}}",
        // Arrays are values: an update replaces the whole array.
        "{'colors':['RED','GREEN','BLUE']} | {'colors':['RED']} | {'colors':['RED']}",
        // A value replaces an object and an object replaces a value.
        "{'a':{'b':1},'c':2} | {'a':3,'c':{'d':4}} | {'a':3,'c':{'d':4}}",
        // An object left empty by deletions goes with its last key.
        "{'a':{'b':1},'c':2} | {'a':{'b':null}} | {'c':2}",
        // Deleting what is not there changes nothing.
        "{'c':2} | {'x':null,'y':{'z':null}} | {'c':2}",
      })
  void merge_followsAwsRules(String stored, String request, String expected) {
    assertThat(merged(stored, request, T1)).isEqualTo(json(expected));
  }

  @Test
  void merge_timestampsEveryWrittenLeaf_keepsOthers_andGivesArraysOneTimestampPerElement() {
    ObjectNode state = json("{'color':'RED','power':'on'}");
    ObjectNode metadata = ShadowDocuments.object();
    ShadowDocuments.merge(state, metadata, json("{'color':'RED','power':'on'}"), T1);

    ShadowDocuments.merge(
        state, metadata, json("{'power':'off','colors':['a','b'],'pos':{'x':1}}"), T2);

    assertThat(json(metadata.toString()))
        .isEqualTo(
            json(
                "{'color':{'timestamp':1700000000},'power':{'timestamp':1700000060},"
                    + "'colors':[{'timestamp':1700000060},{'timestamp':1700000060}],"
                    + "'pos':{'x':{'timestamp':1700000060}}}"));
  }

  @Test
  void delta_isTheDocumentedExample_desiredKeysThatDifferOrAreNotReported() {
    ObjectNode state =
        json(
            "{'desired':{'color':'RED','state':'STOP'},"
                + "'reported':{'color':'GREEN','engine':'ON'}}");

    assertThat(ShadowDocuments.delta(state)).isEqualTo(json("{'color':'RED','state':'STOP'}"));
  }

  @Test
  void delta_ofNestedObjects_containsThePathToTheRoot_andOfArrays_theWholeDesiredArray() {
    ObjectNode state =
        json(
            "{'desired':{'lights':{'color':{'r':255,'g':255,'b':255}},'seq':[1,2,3],'same':[1]},"
                + "'reported':{'lights':{'color':{'r':255,'g':0,'b':255}},'seq':[1,2],"
                + "'same':[1]}}");

    assertThat(ShadowDocuments.delta(state))
        .isEqualTo(json("{'lights':{'color':{'g':255}},'seq':[1,2,3]}"));
  }

  @Test
  void delta_isEmpty_whenReportedMatchesDesired_orNothingIsDesired() {
    assertThat(ShadowDocuments.delta(json("{'desired':{'a':1},'reported':{'a':1,'b':2}}")))
        .isEmpty();
    assertThat(ShadowDocuments.delta(json("{'reported':{'a':1}}"))).isEmpty();
  }

  @Test
  void deltaMetadata_isTheDesiredMetadataOfTheDeltaKeys() {
    ObjectNode delta = json("{'lights':{'g':255}}");
    JsonNode desiredMetadata =
        json("{'lights':{'r':{'timestamp':1},'g':{'timestamp':2}},'other':{'timestamp':3}}");

    assertThat(ShadowDocuments.deltaMetadata(delta, desiredMetadata))
        .isEqualTo(json("{'lights':{'g':{'timestamp':2}}}"));
  }

  @Test
  void parse_readsStateVersionAndClientToken() {
    ShadowRequest request =
        ShadowDocuments.parse(
            bytes("{'state':{'desired':{'a':1},'reported':null},'version':7,'clientToken':'t-1'}"));

    assertThat(request.desired()).isEqualTo(json("{'a':1}"));
    assertThat(request.reported().isNull()).isTrue();
    assertThat(request.version()).isEqualTo(7L);
    assertThat(request.clientToken()).isEqualTo("t-1");
  }

  @ParameterizedTest(name = "{0} -> {2} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "not json | Invalid JSON | INVALID_REQUEST",
        "['state'] | Invalid JSON | INVALID_REQUEST",
        "{'desired':{'a':1}} | Missing required node: state | INVALID_REQUEST",
        "{'state':'on'} | State node must be an object | INVALID_REQUEST",
        "{'state':{'desired':[1]}} | Desired node must be an object | INVALID_REQUEST",
        "{'state':{'reported':5}} | Reported node must be an object | INVALID_REQUEST",
        "{'state':{'delta':{'a':1}}} | State contains an invalid node | INVALID_REQUEST",
        "{'state':{'reported':{'a':[null,1]}}} | State contains an invalid node | INVALID_REQUEST",
        "{'state':{},'version':'3'} | Invalid version | INVALID_REQUEST",
        "{'state':{},'version':-1} | Invalid version | INVALID_REQUEST",
        "{'state':{},'version':1.5} | Invalid version | INVALID_REQUEST",
        "{'state':{},'clientToken':7} | Invalid clientToken | INVALID_REQUEST",
      })
  void parse_refusesBadRequests_withAwsMessages(String body, String message, ErrorCode code) {
    assertThatThrownBy(() -> ShadowDocuments.parse(bytes(body)))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessage(message);
  }

  @Test
  void parse_refusesAClientTokenOver64Bytes() {
    String token = "é".repeat(33);

    assertThatThrownBy(
            () -> ShadowDocuments.parse(bytes("{'state':{},'clientToken':'" + token + "'}")))
        .hasMessage("Invalid clientToken");
  }

  @Test
  void parse_allowsSixLevelsOfKeys_andRefusesSeven() {
    String six = "{'state':{'reported':{'a':{'b':{'c':{'d':{'e':{'f':1}}}}}}}}";
    String seven = "{'state':{'reported':{'a':{'b':{'c':{'d':{'e':{'f':{'g':1}}}}}}}}}";

    assertThat(ShadowDocuments.parse(bytes(six)).reported()).isNotNull();
    assertThatThrownBy(() -> ShadowDocuments.parse(bytes(seven)))
        .hasMessage("JSON contains too many levels of nesting; maximum is 6");
  }

  @Test
  void parse_refusesAStateOver8KiB_withPayloadTooLarge() {
    String big = "{'state':{'reported':{'blob':'" + "x".repeat(8_200) + "'}}}";

    assertThatThrownBy(() -> ShadowDocuments.parse(bytes(big)))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE))
        .hasMessage("The payload exceeds the maximum size allowed");
  }

  @Test
  void parse_refusesBytesThatAreNotUtf8_withUnsupportedEncoding() {
    byte[] latin1 =
        "{\"state\":{\"reported\":{\"c\":\"caf\u00e9\"}}}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> ShadowDocuments.parse(latin1))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_DOCUMENT_ENCODING))
        .hasMessage("Unsupported documented encoding; supported encoding is UTF-8");
  }

  @Test
  void clientTokenOf_readsLeniently() {
    assertThat(ShadowDocuments.clientTokenOf(bytes("{'clientToken':'abc'}"))).isEqualTo("abc");
    assertThat(ShadowDocuments.clientTokenOf(bytes("garbage"))).isNull();
    assertThat(ShadowDocuments.clientTokenOf(new byte[0])).isNull();
  }

  private static byte[] bytes(String text) {
    return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }
}
