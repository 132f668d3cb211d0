package dev.lamplighter.api.iotdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.messaging.OutgoingMessage.UserProperty;
import dev.lamplighter.core.messaging.RetainedMessageDetails;
import dev.lamplighter.core.tenancy.Scope;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.GetRetainedMessageResponse;
import software.amazon.awssdk.services.iotdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotdataplane.model.ListRetainedMessagesResponse;
import software.amazon.awssdk.services.iotdataplane.model.PayloadFormatIndicator;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iotdataplane.model.RetainedMessageSummary;
import software.amazon.awssdk.services.iotdataplane.model.ServiceUnavailableException;

/**
 * The iot-data routes driven by the AWS SDK's {@link IotDataPlaneClient} (and, for what the SDK
 * refuses to send, by signed raw requests), against a recording device-messaging port.
 */
class IotDataRoutesTest {
  private static final Scope SCOPE = Scope.of(IotDataEdge.ACCOUNT, IotDataEdge.REGION);
  private static final String USER_PROPERTIES =
      "[{\"deviceName\":\"alpha\"},{\"deviceCnt\":\"45\"},{\"deviceName\":\"beta\"}]";

  private IotDataEdge edge;
  private IotDataPlaneClient client;

  @BeforeEach
  void start() {
    edge = new IotDataEdge();
    client = edge.client();
  }

  @AfterEach
  void stop() {
    client.close();
    edge.close();
  }

  @Test
  void publish_withEveryParameter_arrivesAsExactlyThatMessage() {
    byte[] payload = {'o', 'n', 0, (byte) 0xff};
    byte[] correlation = {1, 2, 3, (byte) 0xfe};

    client.publish(
        b ->
            b.topic("lamps/north/1")
                .qos(1)
                .retain(true)
                .payload(SdkBytes.fromByteArray(payload))
                .contentType("application/octet-stream")
                .responseTopic("lamps/north/1/ack")
                .correlationData(Base64.getEncoder().encodeToString(correlation))
                .payloadFormatIndicator(PayloadFormatIndicator.UNSPECIFIED_BYTES)
                .userProperties(USER_PROPERTIES)
                .messageExpiry(60L));

    assertThat(edge.messaging.publishScopes).containsExactly(SCOPE);
    assertThat(edge.messaging.published)
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(
            new OutgoingMessage(
                "lamps/north/1",
                payload,
                1,
                true,
                "application/octet-stream",
                "lamps/north/1/ack",
                correlation,
                false,
                List.of(
                    new UserProperty("deviceName", "alpha"),
                    new UserProperty("deviceCnt", "45"),
                    new UserProperty("deviceName", "beta")),
                60));
  }

  @Test
  void publish_withTopicOnly_isQos0NotRetainedWithEmptyPayloadAndNoProperties() {
    client.publish(b -> b.topic("lamps"));

    assertThat(edge.messaging.published)
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(OutgoingMessage.of("lamps", new byte[0], 0, false));
  }

  @Test
  void publish_utf8Indicator_marksThePayloadUtf8() {
    client.publish(
        b ->
            b.topic("lamps")
                .payload(SdkBytes.fromUtf8String("{\"on\":true}"))
                .payloadFormatIndicator(PayloadFormatIndicator.UTF8_DATA));

    OutgoingMessage message = edge.messaging.published.get(0);
    assertThat(message.payloadUtf8()).isTrue();
    assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"on\":true}");
  }

  @Test
  void publish_toShadowUpdateTopic_keepsItsDollarAndSlashes() {
    client.publish(
        b ->
            b.topic("$aws/things/lamp-1/shadow/name/main light/update")
                .payload(SdkBytes.fromUtf8String("{\"state\":{}}")));

    assertThat(edge.messaging.published)
        .extracting(OutgoingMessage::topic)
        .containsExactly("$aws/things/lamp-1/shadow/name/main light/update");
  }

  @Test
  void publish_topicWithEncodedSlashesOnTheWire_isOneTopic() {
    HttpResponse<String> response =
        edge.send(
            "POST",
            "/topics/%24aws%2Fthings%2Fx%2Fshadow%2Fupdate?qos=1",
            Map.of(),
            new byte[] {'{', '}'});

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(edge.messaging.published)
        .extracting(OutgoingMessage::topic, OutgoingMessage::qos)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$aws/things/x/shadow/update", 1));
  }

  @Test
  void publish_qos2_isInvalidRequestAndNothingIsPublished() {
    assertThatThrownBy(() -> client.publish(b -> b.topic("lamps").qos(2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("qos")
        .hasMessageContaining("less than or equal to 1");
    assertThat(edge.messaging.published).isEmpty();
  }

  @Test
  void publish_qosThatIsNotANumber_isRefused() {
    HttpResponse<String> response =
        edge.send("POST", "/topics/lamps?qos=high", Map.of(), new byte[0]);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(edge.messaging.published).isEmpty();
  }

  @Test
  void publish_emptyTopic_isInvalidRequest() {
    HttpResponse<String> response = edge.send("POST", "/topics/", Map.of(), new byte[] {'x'});

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidRequestException");
    assertThat(response.body()).contains("topic");
    assertThat(edge.messaging.published).isEmpty();
  }

  @Test
  void publish_userPropertiesNotAnArrayOfStringObjects_isInvalidRequest() {
    for (String json : List.of("{\"a\":\"b\"}", "[{\"a\":1}]", "[\"a\"]")) {
      assertThatThrownBy(() -> client.publish(b -> b.topic("lamps").userProperties(json)))
          .as(json)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("x-amz-mqtt5-user-properties");
    }
    assertThat(edge.messaging.published).isEmpty();
  }

  @Test
  void publish_correlationDataNotBase64_isInvalidRequest() {
    assertThatThrownBy(() -> client.publish(b -> b.topic("lamps").correlationData("not base64!")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("x-amz-mqtt5-correlation-data");
    assertThat(edge.messaging.published).isEmpty();
  }

  @Test
  void publish_negativeMessageExpiry_isInvalidRequest() {
    assertThatThrownBy(() -> client.publish(b -> b.topic("lamps").messageExpiry(-1L)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("messageExpiry");
  }

  @Test
  void publish_refusedByThePort_isAnsweredWithThePortsError() {
    edge.messaging.failWith(
        ErrorCode.SERVICE_UNAVAILABLE.exception("The MQTT broker is not running."));

    assertThatThrownBy(() -> client.publish(b -> b.topic("lamps")))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("The MQTT broker is not running.");
  }

  @Test
  void listRetainedMessages_pagesThroughEveryTopicInOrder() {
    for (String topic : List.of("e", "a/1", "c", "b", "d")) {
      edge.messaging.retain(retained(topic, List.of()));
    }

    List<String> topics = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListRetainedMessagesResponse page =
          client.listRetainedMessages(b -> b.maxResults(2).nextToken(next));
      page.retainedTopics().forEach(s -> topics.add(s.topic()));
      pageSizes.add(page.retainedTopics().size());
      token = page.nextToken();
    } while (token != null);

    assertThat(topics).containsExactly("a/1", "b", "c", "d", "e");
    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(edge.messaging.pageRequests)
        .extracting(p -> p.after().orElse(null))
        .containsExactly(null, "b", "d");
  }

  @Test
  void listRetainedMessages_summarisesSizeQosAndTime() {
    edge.messaging.retain(retained("lamps/1", List.of()));

    RetainedMessageSummary summary =
        client.listRetainedMessagesPaginator(b -> {}).retainedTopics().stream()
            .findFirst()
            .orElseThrow();

    assertThat(summary.topic()).isEqualTo("lamps/1");
    assertThat(summary.payloadSize()).isEqualTo(4);
    assertThat(summary.qos()).isEqualTo(1);
    assertThat(summary.lastModifiedTime()).isEqualTo(1_700_000_000_123L);
    assertThat(edge.messaging.pageRequests)
        .extracting(p -> p.limit())
        .containsExactly(MessagingOperations.DEFAULT_RETAINED_PAGE);
  }

  @Test
  void listRetainedMessages_maxResultsOutOf1To200_isInvalidRequest() {
    assertThatThrownBy(() -> client.listRetainedMessages(b -> b.maxResults(201)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("maxResults");
    assertThatThrownBy(() -> client.listRetainedMessages(b -> b.maxResults(0)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(client.listRetainedMessages(b -> b.maxResults(200)).retainedTopics()).isEmpty();
  }

  @Test
  void listRetainedMessages_tamperedToken_isInvalidRequest() {
    assertThatThrownBy(() -> client.listRetainedMessages(b -> b.nextToken("AWJvZ3Vz")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void getRetainedMessage_returnsPayloadQosTimeAndUserProperties() {
    edge.messaging.retain(
        retained(
            "$aws/things/lamp-1/shadow/update",
            List.of(new UserProperty("deviceName", "alpha"), new UserProperty("deviceCnt", "45"))));

    GetRetainedMessageResponse message =
        client.getRetainedMessage(b -> b.topic("$aws/things/lamp-1/shadow/update"));

    assertThat(message.topic()).isEqualTo("$aws/things/lamp-1/shadow/update");
    assertThat(message.payload().asByteArray()).containsExactly('o', 'n', 0, 0xff);
    assertThat(message.qos()).isEqualTo(1);
    assertThat(message.lastModifiedTime()).isEqualTo(1_700_000_000_123L);
    assertThat(message.userProperties().asUtf8String())
        .isEqualTo("[{\"deviceName\":\"alpha\"},{\"deviceCnt\":\"45\"}]");
  }

  @Test
  void getRetainedMessage_onTheWire_hasBase64BlobsAndMillisecondTime() throws Exception {
    edge.messaging.retain(retained("lamps/1", List.of(new UserProperty("k", "v"))));

    HttpResponse<String> response =
        edge.send("GET", "/retainedMessage/lamps%2F1", Map.of(), new byte[0]);
    JsonNode body = WireJson.mapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("payload").textValue())
        .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {'o', 'n', 0, (byte) 0xff}));
    assertThat(body.get("lastModifiedTime").isIntegralNumber()).isTrue();
    assertThat(body.get("lastModifiedTime").longValue()).isEqualTo(1_700_000_000_123L);
    assertThat(body.get("userProperties").textValue())
        .isEqualTo(
            Base64.getEncoder().encodeToString("[{\"k\":\"v\"}]".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void getRetainedMessage_withoutUserProperties_leavesThemOut() {
    edge.messaging.retain(retained("lamps/1", List.of()));

    assertThat(client.getRetainedMessage(b -> b.topic("lamps/1")).userProperties()).isNull();
  }

  @Test
  void getRetainedMessage_ofTopicWithoutOne_isResourceNotFound() {
    assertThatThrownBy(() -> client.getRetainedMessage(b -> b.topic("lamps/none")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("lamps/none");
  }

  @Test
  void deleteConnection_passesCleanSessionAndPreventWill() {
    client.deleteConnection(b -> b.clientId("lamp-1").cleanSession(true).preventWillMessage(true));
    client.deleteConnection(b -> b.clientId("lamp-2"));
    client.deleteConnection(b -> b.clientId("lamp-3").cleanSession(false).preventWillMessage(true));

    assertThat(edge.messaging.disconnects)
        .containsExactly(
            new RecordingDeviceMessaging.Disconnect(SCOPE, "lamp-1", true, true),
            new RecordingDeviceMessaging.Disconnect(SCOPE, "lamp-2", false, false),
            new RecordingDeviceMessaging.Disconnect(SCOPE, "lamp-3", false, true));
  }

  @Test
  void deleteConnection_clientIdStartingWithDollar_isInvalidRequest() {
    assertThatThrownBy(() -> client.deleteConnection(b -> b.clientId("$lamp")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("clientId");
    assertThat(edge.messaging.disconnects).isEmpty();
  }

  @Test
  void deleteConnection_ofClientNotConnected_isResourceNotFound() {
    edge.messaging.failWith(ErrorCode.RESOURCE_NOT_FOUND.exception("lamp-9 is not connected."));

    assertThatThrownBy(() -> client.deleteConnection(b -> b.clientId("lamp-9")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static RetainedMessageDetails retained(String topic, List<UserProperty> properties) {
    return new RetainedMessageDetails(
        topic, new byte[] {'o', 'n', 0, (byte) 0xff}, 1, 1_700_000_000_123L, properties);
  }
}
