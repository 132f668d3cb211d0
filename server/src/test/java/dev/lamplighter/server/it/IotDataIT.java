package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotdataplane.model.ServiceUnavailableException;

/**
 * The iot-data service on the control-plane port, through the AWS SDK's client: requests signed as
 * {@code iotdata} reach its routes, and while the server runs no MQTT broker every operation says
 * so.
 */
class IotDataIT {
  private static final String NOT_RUNNING = "The MQTT broker is not running.";

  private static TestServer server;
  private static IotDataPlaneClient iotData;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iotData = server.iotData();
  }

  @AfterAll
  static void stop() {
    iotData.close();
    server.close();
  }

  @Test
  void everyOperation_withoutBroker_isServiceUnavailable() {
    assertThatThrownBy(
            () ->
                iotData.publish(
                    b ->
                        b.topic("$aws/things/lamp-1/shadow/update")
                            .qos(1)
                            .payload(SdkBytes.fromUtf8String("{\"state\":{}}"))))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining(NOT_RUNNING);
    assertThatThrownBy(() -> iotData.listRetainedMessages(b -> {}))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining(NOT_RUNNING);
    assertThatThrownBy(() -> iotData.getRetainedMessage(b -> b.topic("lamps/1")))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining(NOT_RUNNING);
    assertThatThrownBy(() -> iotData.deleteConnection(b -> b.clientId("lamp-1")))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining(NOT_RUNNING);
  }

  @Test
  void publish_isValidatedBeforeThePortIsAsked() {
    assertThatThrownBy(() -> iotData.publish(b -> b.topic("lamps").qos(2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("qos");
  }

  @Test
  void publishPath_signedForIot_isNotAnIotDataOperation() {
    HttpResponse<String> response = new RawApi(server.endpoint()).send("POST", "/topics/lamps", "");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException");
  }
}
