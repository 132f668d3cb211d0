package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Bad input gets the AWS error type and status, writes nothing, and the server keeps serving: each
 * test ends by checking that a good request still succeeds.
 */
class BadInputIT {
  private static TestServer server;
  private static IotClient iot;
  private static RawApi raw;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iot = server.iot();
    raw = new RawApi(server.endpoint());
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @AfterEach
  void serverStillServes() {
    assertThat(iot.listThings(b -> b.maxResults(1)).sdkHttpResponse().statusCode()).isEqualTo(200);
  }

  @Test
  void thingNameOutOfPattern_isInvalidRequest_inAwsValidationFormat() {
    assertThatThrownBy(() -> iot.createThing(b -> b.thingName("bad name")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "1 validation error detected: Value 'bad name' at 'thingName' failed to satisfy"
                + " constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9:_-]+");
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("bad")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void groupNamesOutOfPattern_areInvalidRequest_andCreateNothing() {
    assertThatThrownBy(() -> iot.createThingGroup(b -> b.thingGroupName("city/turin")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("thingGroupName");
    assertThatThrownBy(() -> iot.createBillingGroup(b -> b.billingGroupName("bill ing")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("billingGroupName");
    assertThat(iot.listThingGroups().thingGroups()).isEmpty();
    assertThat(iot.listBillingGroups().billingGroups()).isEmpty();
  }

  @Test
  void thingNameTooLong_isInvalidRequest() {
    assertThatThrownBy(() -> iot.createThing(b -> b.thingName("x".repeat(129))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Member must have length less than or equal to 128");
  }

  @Test
  void attributeValueOutOfPattern_isInvalidRequest_namingTheMap() {
    assertThatThrownBy(
            () ->
                iot.createThing(
                    b ->
                        b.thingName("lamp-bad-attr")
                            .attributePayload(
                                a -> a.attributes(java.util.Map.of("city", "Tor ino")))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attributePayload.attributes");
  }

  @Test
  void maxResultsOutOfRange_isInvalidRequest() {
    assertThatThrownBy(() -> iot.listThings(b -> b.maxResults(251)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Member must have value less than or equal to 250");
    assertThatThrownBy(() -> iot.listThings(b -> b.maxResults(0)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Member must have value greater than or equal to 1");
  }

  @Test
  void malformedJson_isSerializationException_400_andCreatesNothing() {
    HttpResponse<String> response =
        raw.send("POST", "/things/lamp-malformed", "{\"attributePayload\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("SerializationException");
    assertThat(response.body()).contains("\"message\"");
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("lamp-malformed")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void wrongMemberType_isSerializationException_namingTheMember() {
    HttpResponse<String> response =
        raw.send("POST", "/things/lamp-wrongtype", "{\"thingTypeName\": 42}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("SerializationException");
    assertThat(response.body()).contains("thingTypeName");
  }

  @Test
  void oversizedBody_isRequestEntityTooLarge_413() {
    String huge =
        "{\"attributePayload\":{\"attributes\":{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}}";

    HttpResponse<String> response = raw.send("POST", "/things/lamp-huge", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("RequestEntityTooLargeException");
  }

  @Test
  void unknownPath_isUnknownOperation_404() {
    HttpResponse<String> response = raw.send("GET", "/no-such-thing-here", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("UnknownOperationException");
  }

  @Test
  void invalidNextToken_isInvalidRequest() {
    assertThatThrownBy(() -> iot.listThings(b -> b.nextToken("forged-token")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nextToken");
  }

  @Test
  void everyResponse_carriesARequestId() {
    HttpResponse<String> response = raw.send("GET", "/things", null);

    assertThat(response.headers().firstValue("x-amzn-RequestId"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(36));
  }
}
