package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Device Shadow REST API over HTTPS with the device's certificate, on the data-plane port: each
 * request is allowed by AWS's shadow actions in the certificate's policies on the thing's ARN, or
 * refused with ForbiddenException and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowsOverHttpsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHADOW_ACTIONS =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow",
         "Action": ["iot:GetThingShadow", "iot:UpdateThingShadow", "iot:DeleteThingShadow",
                    "iot:ListNamedShadowsForThing"],
         "Resource": "arn:aws:iot:eu-west-1:111122223333:thing/${iot:Connection.Thing.ThingName}"}
      ]}
      """;
  private static final String READ_ONLY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:GetThingShadow",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:thing/${iot:Connection.Thing.ThingName}"}
      ]}
      """;

  private TestServer server;
  private MqttDevices devices;
  private Device lamp;
  private Device reader;

  @BeforeAll
  void start() {
    server = TestServer.start();
    devices = new MqttDevices(server);
    devices.createPolicy("shadow-actions", SHADOW_ACTIONS);
    devices.createPolicy("read-only", READ_ONLY);
    lamp = devices.register("https-lamp", "shadow-actions");
    reader = devices.register("https-reader", "read-only");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private DeviceHttpsClient client(Device device) throws Exception {
    return new DeviceHttpsClient(devices, device, server.server().dataPort());
  }

  @Test
  void aDeviceWhosePoliciesAllowTheShadowActions_keepsItsShadowsOverHttps() throws Exception {
    DeviceHttpsClient https = client(lamp);

    HttpResponse<String> updated =
        https.send(
            "POST",
            "/things/https-lamp/shadow",
            "{\"state\":{\"reported\":{\"dim\":70}},\"clientToken\":\"h-1\"}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).path("clientToken").asText()).isEqualTo("h-1");
    https.send("POST", "/things/https-lamp/shadow?name=config", "{\"state\":{\"desired\":{}}}");
    https.send(
        "POST", "/things/https-lamp/shadow?name=config", "{\"state\":{\"desired\":{\"a\":1}}}");

    JsonNode shadow = JSON.readTree(https.send("GET", "/things/https-lamp/shadow", null).body());
    assertThat(shadow.path("state").path("reported").path("dim").asInt()).isEqualTo(70);
    JsonNode names =
        JSON.readTree(
            https
                .send("GET", "/api/things/shadow/ListNamedShadowsForThing/https-lamp", null)
                .body());
    assertThat(names.path("results").toString()).isEqualTo("[\"config\"]");

    HttpResponse<String> deleted = https.send("DELETE", "/things/https-lamp/shadow", null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    HttpResponse<String> gone = https.send("GET", "/things/https-lamp/shadow", null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
    HttpResponse<String> bad = https.send("POST", "/things/https-lamp/shadow", "{\"state\":7}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("message").asText())
        .isEqualTo("State node must be an object");
  }

  @Test
  void anActionThePoliciesDoNotAllow_isForbidden_andNothingIsStored() throws Exception {
    HttpResponse<String> write =
        client(reader)
            .send("POST", "/things/https-reader/shadow", "{\"state\":{\"reported\":{\"a\":1}}}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");

    HttpResponse<String> anotherThing =
        client(lamp)
            .send("POST", "/things/https-reader/shadow", "{\"state\":{\"reported\":{\"a\":1}}}");
    assertThat(anotherThing.statusCode()).isEqualTo(403);

    HttpResponse<String> read = client(reader).send("GET", "/things/https-reader/shadow", null);
    assertThat(read.statusCode()).isEqualTo(404);
  }
}
