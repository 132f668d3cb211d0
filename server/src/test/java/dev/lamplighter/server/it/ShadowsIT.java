package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThingDocument;
import software.amazon.awssdk.services.iot.model.ThingIndexingMode;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ConflictException;
import software.amazon.awssdk.services.iotdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotdataplane.model.ListNamedShadowsForThingResponse;
import software.amazon.awssdk.services.iotdataplane.model.RequestEntityTooLargeException;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iotdataplane.model.UnsupportedDocumentEncodingException;

/**
 * The Device Shadow REST API through the AWS SDK's iot-data client against the running server:
 * every operation, classic and named shadows, versions, and AWS's errors for bad input, with
 * nothing stored by a refused request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServer server;
  private IotClient iot;
  private IotDataPlaneClient iotData;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iot = server.iot();
    iotData = server.iotData();
  }

  @AfterAll
  void stop() {
    iotData.close();
    server.close();
  }

  private JsonNode update(String thing, String shadowName, String body) throws Exception {
    return JSON.readTree(
        iotData
            .updateThingShadow(
                b ->
                    b.thingName(thing)
                        .shadowName(shadowName)
                        .payload(SdkBytes.fromUtf8String(body.replace('\'', '"'))))
            .payload()
            .asUtf8String());
  }

  private JsonNode get(String thing, String shadowName) throws Exception {
    return JSON.readTree(
        iotData
            .getThingShadow(b -> b.thingName(thing).shadowName(shadowName))
            .payload()
            .asUtf8String());
  }

  @Test
  void update_get_andDelete_ofAClassicShadow_followAwsDocuments() throws Exception {
    iot.createThing(b -> b.thingName("lamp-classic"));

    JsonNode accepted =
        update("lamp-classic", null, "{'state':{'desired':{'dim':40}},'clientToken':'op-1'}");
    assertThat(accepted.path("state").path("desired").path("dim").asInt()).isEqualTo(40);
    assertThat(accepted.path("metadata").path("desired").path("dim").has("timestamp")).isTrue();
    assertThat(accepted.path("version").asLong()).isEqualTo(1);
    assertThat(accepted.path("clientToken").asText()).isEqualTo("op-1");
    update("lamp-classic", null, "{'state':{'reported':{'dim':100,'on':true}}}");

    JsonNode shadow = get("lamp-classic", null);
    assertThat(shadow.path("state").path("reported").path("on").asBoolean()).isTrue();
    assertThat(shadow.path("state").path("delta").toString()).isEqualTo("{\"dim\":40}");
    assertThat(shadow.path("metadata").path("reported").path("dim").path("timestamp").asLong())
        .isPositive();
    assertThat(shadow.path("version").asLong()).isEqualTo(2);

    update("lamp-classic", null, "{'state':{'reported':{'dim':40,'on':null}}}");
    JsonNode settled = get("lamp-classic", null);
    assertThat(settled.path("state").has("delta")).isFalse();
    assertThat(settled.path("state").path("reported").toString()).isEqualTo("{\"dim\":40}");

    JsonNode deleted =
        JSON.readTree(
            iotData.deleteThingShadow(b -> b.thingName("lamp-classic")).payload().asUtf8String());
    assertThat(deleted.path("version").asLong()).isEqualTo(3);
    assertThatThrownBy(() -> get("lamp-classic", null))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("No shadow exists with name: 'lamp-classic'");
  }

  @Test
  void namedShadows_areSeparate_andListedInPages() throws Exception {
    iot.createThing(b -> b.thingName("lamp-named"));
    update("lamp-named", null, "{'state':{'reported':{'dim':1}}}");
    update("lamp-named", "config", "{'state':{'desired':{'schedule':'dusk'}}}");
    update("lamp-named", "diagnostics", "{'state':{'reported':{'fault':false}}}");

    assertThat(get("lamp-named", "config").path("state").path("desired").path("schedule").asText())
        .isEqualTo("dusk");
    assertThat(get("lamp-named", "config").path("version").asLong()).isEqualTo(1);
    ListNamedShadowsForThingResponse first =
        iotData.listNamedShadowsForThing(b -> b.thingName("lamp-named").pageSize(1));
    ListNamedShadowsForThingResponse second =
        iotData.listNamedShadowsForThing(
            b -> b.thingName("lamp-named").pageSize(1).nextToken(first.nextToken()));
    assertThat(first.results()).containsExactly("config");
    assertThat(second.results()).containsExactly("diagnostics");
    assertThat(second.nextToken()).isNull();
    assertThat(first.timestamp()).isPositive();

    iotData.deleteThingShadow(b -> b.thingName("lamp-named").shadowName("config"));
    assertThat(iotData.listNamedShadowsForThing(b -> b.thingName("lamp-named")).results())
        .containsExactly("diagnostics");
    assertThat(get("lamp-named", null).path("state").path("reported").path("dim").asInt())
        .isEqualTo(1);
  }

  @Test
  void aConditionalUpdate_atAnOldVersion_isAConflict_andChangesNothing() throws Exception {
    iot.createThing(b -> b.thingName("lamp-versioned"));
    update("lamp-versioned", null, "{'state':{'reported':{'dim':1}}}");

    assertThatThrownBy(
            () -> update("lamp-versioned", null, "{'state':{'reported':{'dim':2}},'version':7}"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Version conflict");
    assertThat(get("lamp-versioned", null).path("version").asLong()).isEqualTo(1);
    assertThat(
            update("lamp-versioned", null, "{'state':{'reported':{'dim':2}},'version':1}")
                .path("version")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void badInput_getsAwsErrors_andStoresNothing() throws Exception {
    iot.createThing(b -> b.thingName("lamp-bad"));
    update("lamp-bad", null, "{'state':{'reported':{'dim':1}}}");

    assertThatThrownBy(() -> update("lamp-bad", null, "not json"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Invalid JSON");
    assertThatThrownBy(() -> update("lamp-bad", null, "{'state':'on'}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("State node must be an object");
    assertThatThrownBy(
            () ->
                update(
                    "lamp-bad",
                    null,
                    "{'state':{'reported':{'a':{'b':{'c':{'d':{'e':{'f':{'g':1}}}}}}}}}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("maximum is 6");
    assertThatThrownBy(
            () ->
                update(
                    "lamp-bad", null, "{'state':{'reported':{'x':'" + "x".repeat(9_000) + "'}}}"))
        .isInstanceOf(RequestEntityTooLargeException.class);
    assertThatThrownBy(
            () ->
                iotData.updateThingShadow(
                    b ->
                        b.thingName("lamp-bad")
                            .payload(
                                SdkBytes.fromByteArray(
                                    "{\"state\":{\"reported\":{\"c\":\"caf\u00e9\"}}}"
                                        .getBytes(StandardCharsets.ISO_8859_1)))))
        .isInstanceOf(UnsupportedDocumentEncodingException.class);
    assertThatThrownBy(() -> update("lamp-bad", "bad/name", "{'state':{}}"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> update("no-such-lamp", null, "{'state':{}}"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Thing not found");

    JsonNode shadow = get("lamp-bad", null);
    assertThat(shadow.path("version").asLong()).isEqualTo(1);
    assertThat(shadow.path("state").path("reported").toString()).isEqualTo("{\"dim\":1}");
  }

  @Test
  void theFleetIndex_findsThingsByTheirShadows_andADynamicGroupFollowsThem() throws Exception {
    iot.updateIndexingConfiguration(
        b ->
            b.thingIndexingConfiguration(
                t -> t.thingIndexingMode(ThingIndexingMode.REGISTRY_AND_SHADOW)));
    for (int i = 1; i <= 3; i++) {
      String name = "turin-lamp-" + i;
      iot.createThing(b -> b.thingName(name));
      update(name, null, "{'state':{'reported':{'wattage':" + (40 + 20 * i) + ",'fault':false}}}");
    }
    iot.createDynamicThingGroup(
        b -> b.thingGroupName("power-hungry").queryString("shadow.reported.wattage > 60"));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(search("shadow.reported.wattage > 60"))
                    .containsExactlyInAnyOrder("turin-lamp-2", "turin-lamp-3"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(members("power-hungry"))
                    .containsExactlyInAnyOrder("turin-lamp-2", "turin-lamp-3"));

    update("turin-lamp-3", null, "{'state':{'reported':{'wattage':30,'fault':true}}}");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(members("power-hungry")).containsExactly("turin-lamp-2"));
    assertThat(search("shadow.reported.fault:true")).containsExactly("turin-lamp-3");
    assertThat(
            iot.getStatistics(
                    b ->
                        b.queryString("thingName:turin-lamp-*")
                            .aggregationField("shadow.reported.wattage"))
                .statistics()
                .maximum())
        .isEqualTo(80.0);
  }

  private List<String> search(String query) {
    return iot
        .searchIndex(b -> b.queryString(query + " AND thingName:turin-lamp-*"))
        .things()
        .stream()
        .map(ThingDocument::thingName)
        .toList();
  }

  private List<String> members(String group) {
    return iot.listThingsInThingGroup(b -> b.thingGroupName(group)).things();
  }

  @Test
  void deletingTheThing_deletesItsShadows() throws Exception {
    iot.createThing(b -> b.thingName("lamp-gone"));
    update("lamp-gone", null, "{'state':{'reported':{'dim':1}}}");
    update("lamp-gone", "config", "{'state':{'reported':{'dim':1}}}");

    iot.deleteThing(b -> b.thingName("lamp-gone"));
    iot.createThing(b -> b.thingName("lamp-gone"));

    assertThatThrownBy(() -> get("lamp-gone", null)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(iotData.listNamedShadowsForThing(b -> b.thingName("lamp-gone")).results()).isEmpty();
  }
}
