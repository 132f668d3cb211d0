package dev.lamplighter.gateway.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.broker.extension.PublishDisposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsReservedTopicsTest {
  private static final ClientInfo CLIENT =
      new ClientInfo(
          "111122223333:eu-west-1",
          "lamp-1",
          "abc",
          "s1",
          "192.0.2.1",
          ProtocolVersion.MQTT_5,
          0,
          1);
  private final AwsReservedTopics table = AwsReservedTopics.standard();

  private PublishDisposition publish(String topic) {
    return table.onClientPublish(CLIENT, Message.of(topic, new byte[0], 0, false));
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/events/presence/connected/lamp-1, Event messages",
    "$aws/events/subscriptions/subscribed/lamp-1, Event messages",
    "$aws/things/lamp-1/shadow/update, Device Shadow",
    "$aws/things/lamp-1/shadow/name/config/get, Device Shadow",
    "$aws/things/lamp-1/jobs/get, Jobs",
    "$aws/things/lamp-1/tunnels/notify, Secure tunneling",
    "$aws/certificates/create/json, Fleet provisioning",
    "$aws/provisioning-templates/t/provision/json, Fleet provisioning",
    "$aws/rules/myRule/lamps, Basic Ingest",
    "$aws/sitewise/asset-models/m, Other AWS IoT reserved topics",
    "$SYS/broker/clients, Topics beginning with $"
  })
  void reservedTopics_areRefusedForPublishing_byTheRowOfTheirFeature(
      String topic, String operation) {
    assertThat(publish(topic)).isEqualTo(PublishDisposition.REFUSED);
    assertThat(table.route(topic))
        .get()
        .extracting(r -> r.operation())
        .asString()
        .startsWith(operation);
  }

  @ParameterizedTest
  @CsvSource({"things/lamp-1/state", "aws/events/not-reserved", "a$b", "/leading/slash"})
  void ordinaryTopics_areRouted(String topic) {
    assertThat(publish(topic)).isEqualTo(PublishDisposition.ROUTE);
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/things/+/shadow/#, $aws/things/lamp-1/shadow, true",
    "$aws/things/+/shadow/#, $aws/things/lamp-1/shadow/update/accepted, true",
    "$aws/things/+/shadow/#, $aws/things/lamp-1/jobs, false",
    "$aws/things/+/shadow/#, $aws/things, false",
    "a/+/c, a/b/c, true",
    "a/+/c, a/b/c/d, false"
  })
  void patterns_matchAsMqttFilters(String pattern, String topic, boolean matches) {
    assertThat(TopicPattern.of(pattern).matches(topic)).isEqualTo(matches);
  }
}
