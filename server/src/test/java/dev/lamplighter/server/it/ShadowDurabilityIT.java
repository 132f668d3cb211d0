package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * A shadow update survives {@code kill -9} once the device heard {@code update/accepted}: the
 * server process is killed right after, restarted on the same data directory, and the shadow is
 * there at its version.
 */
class ShadowDurabilityIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void anAcceptedUpdate_isThereAfterKill9() throws Exception {
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      MqttDevices devices = new MqttDevices(iot, server.endpoint(), server::awaitMqttPort);
      devices.createPolicy("own-shadows", Policies.OWN_SHADOWS);
      Device lamp = devices.register("lamp-1", "own-shadows");
      Mqtt5BlockingClient device = devices.v5(lamp);
      device.connect();
      try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
          device.publishes(MqttGlobalPublishFilter.ALL)) {
        device
            .subscribeWith()
            .topicFilter("$aws/things/lamp-1/shadow/update/accepted")
            .qos(MqttQos.AT_LEAST_ONCE)
            .send();
        for (int dim = 1; dim <= 5; dim++) {
          device
              .publishWith()
              .topic("$aws/things/lamp-1/shadow/update")
              .qos(MqttQos.AT_LEAST_ONCE)
              .payload(
                  ("{\"state\":{\"reported\":{\"dim\":" + dim + "}}}")
                      .getBytes(StandardCharsets.UTF_8))
              .send();
          Optional<Mqtt5Publish> accepted = publishes.receive(20, TimeUnit.SECONDS);
          assertThat(accepted).isPresent();
        }
      }
      server.kill();
    }

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotDataPlaneClient iotData = dataClient(restarted)) {
      JsonNode shadow =
          JSON.readTree(
              iotData.getThingShadow(b -> b.thingName("lamp-1")).payload().asUtf8String());
      assertThat(shadow.path("version").asLong()).isEqualTo(5);
      assertThat(shadow.path("state").path("reported").path("dim").asInt()).isEqualTo(5);
    }
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(TestServer.ROOT_KEY, TestServer.ROOT_SECRET));
  }

  private static IotClient client(ServerProcess server) {
    return IotClient.builder()
        .endpointOverride(server.endpoint())
        .region(TestServer.REGION)
        .credentialsProvider(credentials())
        .httpClient(ApacheHttpClient.create())
        .build();
  }

  private static IotDataPlaneClient dataClient(ServerProcess server) {
    return IotDataPlaneClient.builder()
        .endpointOverride(server.endpoint())
        .region(TestServer.REGION)
        .credentialsProvider(credentials())
        .httpClient(ApacheHttpClient.create())
        .build();
  }
}
