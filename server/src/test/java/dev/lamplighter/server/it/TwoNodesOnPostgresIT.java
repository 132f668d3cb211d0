package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.agent.localproxy.LocalProxy;
import dev.lamplighter.agent.localproxy.LocalProxyConfig;
import dev.lamplighter.agent.localproxy.LocalProxyException;
import dev.lamplighter.agent.localproxy.ServiceMapping;
import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.ThingDocument;

/**
 * Two server nodes on one PostgreSQL database, and devices connected to one of them: a job created
 * through one node reaches a device connected to the other, which derives the device's
 * notifications from the shared change log; the device's MQTT requests are served where it is
 * connected; the job completes whichever node runs the engine. A desired shadow state set through
 * one node reaches the device as a delta on the other, and its report is seen by both. A tunnel's
 * clients on one node are seen connected through the other, its spent token is refused by the
 * other, and a close made through the other drops them.
 */
class TwoNodesOnPostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestServer nodeA;
  private static TestServer nodeB;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.shared();
    try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE jobs_two_nodes TEMPLATE template0 ENCODING 'UTF8'");
    }
    Map<String, String> flags = Map.of("store-url", postgres.jdbcUrl("jobs_two_nodes"));
    Map<String, String> environment =
        Map.of("LAMPLIGHTER_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    nodeA = TestServer.start(flags, environment);
    nodeB = TestServer.start(flags, environment);
  }

  @AfterAll
  static void stop() {
    nodeA.close();
    nodeB.close();
  }

  @Test
  void aJobCreatedOnOneNode_isNotifiedToADeviceOnTheOther_andCompletes() throws Exception {
    MqttDevices onB = new MqttDevices(nodeB);
    onB.createPolicy("own-jobs", Policies.OWN_JOBS);
    Device lamp = onB.register("pg-lamp", "own-jobs");
    Mqtt5BlockingClient client = onB.v5(lamp);
    client.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes received =
        client.publishes(MqttGlobalPublishFilter.ALL)) {
      client
          .subscribeWith()
          .topicFilter("$aws/things/pg-lamp/jobs/#")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();

      nodeA
          .iot()
          .createJob(
              b ->
                  b.jobId("two-nodes")
                      .targets(
                          "arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":thing/pg-lamp")
                      .document("{\"operation\":\"upgrade\"}"));

      JsonNode next = awaitOn(received, "$aws/things/pg-lamp/jobs/notify-next");
      assertThat(next.get("execution").get("jobId").asText()).isEqualTo("two-nodes");

      client
          .publishWith()
          .topic("$aws/things/pg-lamp/jobs/two-nodes/update")
          .payload(
              "{\"status\":\"SUCCEEDED\",\"clientToken\":\"pg-1\"}"
                  .getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      JsonNode accepted = awaitOn(received, "$aws/things/pg-lamp/jobs/two-nodes/update/accepted");
      assertThat(accepted.get("clientToken").asText()).isEqualTo("pg-1");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  nodeA.iot().describeJob(b -> b.jobId("two-nodes")).job().status()
                      == JobStatus.COMPLETED);
    } finally {
      client.disconnect();
    }
  }

  @Test
  void aThingCreatedOnOneNode_isFoundAtOnceBySearchingTheOther() {
    // The other node's index is woken by the search, not by a local commit: without the read
    // wait, a search sent right after the write would overtake its feed's poll.
    for (int i = 0; i < 30; i++) {
      String name = "pg-fresh-" + i;
      nodeA
          .iot()
          .createThing(
              b -> b.thingName(name).attributePayload(p -> p.attributes(Map.of("batch", "fresh"))));

      assertThat(nodeB.iot().searchIndex(b -> b.queryString("thingName:" + name)).things())
          .extracting(ThingDocument::thingName)
          .containsExactly(name);
      assertThat(
              nodeB
                  .iot()
                  .getStatistics(b -> b.queryString("attributes.batch:fresh"))
                  .statistics()
                  .count())
          .isEqualTo(i + 1);
    }
  }

  @Test
  void aShadowChangedOnOneNode_reachesADeviceOnTheOther_andItsReportIsSeenByBoth()
      throws Exception {
    MqttDevices onB = new MqttDevices(nodeB);
    onB.createPolicy("own-shadows", Policies.OWN_SHADOWS);
    Device lamp = onB.register("pg-shadow-lamp", "own-shadows");
    Mqtt5BlockingClient client = onB.v5(lamp);
    client.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes received =
        client.publishes(MqttGlobalPublishFilter.ALL)) {
      client
          .subscribeWith()
          .topicFilter("$aws/things/pg-shadow-lamp/shadow/#")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();

      nodeA
          .iotData()
          .updateThingShadow(
              b ->
                  b.thingName("pg-shadow-lamp")
                      .payload(SdkBytes.fromUtf8String("{\"state\":{\"desired\":{\"dim\":40}}}")));
      JsonNode delta = awaitOn(received, "$aws/things/pg-shadow-lamp/shadow/update/delta");
      assertThat(delta.path("state").path("dim").asInt()).isEqualTo(40);

      client
          .publishWith()
          .topic("$aws/things/pg-shadow-lamp/shadow/update")
          .payload("{\"state\":{\"reported\":{\"dim\":40}}}".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      JsonNode accepted = awaitOn(received, "$aws/things/pg-shadow-lamp/shadow/update/accepted");
      assertThat(accepted.path("version").asLong()).isEqualTo(2);
      for (TestServer node : new TestServer[] {nodeA, nodeB}) {
        JsonNode shadow =
            JSON.readTree(
                node.iotData()
                    .getThingShadow(b -> b.thingName("pg-shadow-lamp"))
                    .payload()
                    .asUtf8String());
        assertThat(shadow.path("state").has("delta")).isFalse();
        assertThat(shadow.path("version").asLong()).isEqualTo(2);
      }
    } finally {
      client.disconnect();
    }
  }

  private static JsonNode awaitOn(Mqtt5BlockingClient.Mqtt5Publishes received, String topic)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Mqtt5Publish publish = received.receive(1, TimeUnit.SECONDS).orElse(null);
      if (publish != null && publish.getTopic().toString().equals(topic)) {
        return JSON.readTree(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
      }
    }
    throw new AssertionError("nothing on " + topic);
  }

  @Test
  void aTunnelClosedThroughOneNode_dropsItsClientsOnTheOther() throws Exception {
    var tunneling = nodeB.tunneling();
    var opened =
        tunneling.openTunnel(
            b -> b.destinationConfig(d -> d.thingName("pg-tunnel").services("SSH")));
    Path rootCa = Files.createTempFile("root-ca", ".pem");
    Files.writeString(rootCa, new MqttDevices(nodeA).rootCaPem());
    try (var destination = tunnelClient(nodeA, rootCa, opened.destinationAccessToken(), false);
        var source = tunnelClient(nodeA, rootCa, opened.sourceAccessToken(), true)) {
      destination.ready().get(20, TimeUnit.SECONDS);
      source.ready().get(20, TimeUnit.SECONDS);
      try (var reused = tunnelClient(nodeB, rootCa, opened.sourceAccessToken(), true)) {
        Throwable refused = reused.completion().handle((ok, e) -> e).get(20, TimeUnit.SECONDS);
        assertThat(refused).isInstanceOf(LocalProxyException.class);
        assertThat(((LocalProxyException) refused).status())
            .as("the token spent on node A, presented to node B")
            .isEqualTo(401);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          tunneling
                              .describeTunnel(b -> b.tunnelId(opened.tunnelId()))
                              .tunnel()
                              .sourceConnectionState()
                              .statusAsString())
                      .isEqualTo("CONNECTED"));

      tunneling.closeTunnel(b -> b.tunnelId(opened.tunnelId()));

      for (var proxy : List.of(source, destination)) {
        proxy.completion().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
        assertThat(proxy.completion()).isCompletedExceptionally();
      }
    } finally {
      tunneling.close();
      Files.deleteIfExists(rootCa);
    }
  }

  private static LocalProxy tunnelClient(
      TestServer node, Path rootCa, String token, boolean source) {
    var mode = source ? LocalProxyConfig.Mode.SOURCE : LocalProxyConfig.Mode.DESTINATION;
    var services =
        source
            ? ServiceMapping.parseSourcePorts("SSH=0")
            : ServiceMapping.parseDestinationApps("SSH=127.0.0.1:9");
    return LocalProxy.start(
        LocalProxyConfig.of(
            mode, "localhost", node.server().dataPort(), token, null, services, rootCa));
  }
}
