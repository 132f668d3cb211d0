package dev.lamplighter.bench.shadow;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated device with one exchange in flight at a time. In {@link Mode#UPDATE} it publishes a
 * reported-state update of its classic shadow at QoS 1 and waits for {@code update/accepted} (or
 * {@code /rejected}); in {@link Mode#ROUND_TRIP}, the peer, it publishes the same bytes at QoS 1 to
 * a topic of its own it subscribes to and waits for its message to come back: the broker's plain
 * QoS 1 round trip through the same connection, with no store write.
 *
 * <p>Threading: the MQTT client calls back on its own threads; {@link #sentAt} is written before
 * each publish and read on its answer, which the client delivers after the publish.
 */
final class ShadowDevice {
  enum Mode {
    UPDATE,
    ROUND_TRIP
  }

  private final String thing;
  private final Mqtt3AsyncClient client;
  private final String updateTopic;
  private final String echoTopic;
  private volatile MqttPhase phase;
  private volatile long sentAt;
  private long sequence;

  ShadowDevice(String thing, Mqtt3AsyncClient client) {
    this.thing = thing;
    this.client = client;
    this.updateTopic = ShadowNames.update(thing);
    this.echoTopic = ShadowNames.echo(thing);
  }

  Mqtt3AsyncClient client() {
    return client;
  }

  /** Subscribes at QoS 1 to {@code update/accepted}, {@code update/rejected} and the echo topic. */
  CompletableFuture<Void> subscribe() {
    Mqtt3Subscribe subscribe =
        Mqtt3Subscribe.builder()
            .addSubscriptions(
                List.of(
                    subscription(updateTopic + "/accepted"),
                    subscription(updateTopic + "/rejected"),
                    subscription(echoTopic)))
            .build();
    return client
        .subscribe(subscribe, this::onMessage)
        .thenAccept(
            ack -> {
              if (ack.getReturnCodes().stream().anyMatch(c -> c.isError())) {
                throw new IllegalStateException(
                    thing + ": SUBACK refused a filter: " + ack.getReturnCodes());
              }
            });
  }

  private static Mqtt3Subscription subscription(String filter) {
    return Mqtt3Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build();
  }

  /** Starts the device's loop in {@code next}; the previous phase must have stopped. */
  void start(MqttPhase next) {
    this.phase = next;
    send();
  }

  private void send() {
    MqttPhase current = phase;
    byte[] payload = payload(++sequence);
    String topic = current.mode() == Mode.UPDATE ? updateTopic : echoTopic;
    sentAt = System.nanoTime();
    Mqtt3Publish message =
        Mqtt3Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).build();
    client
        .publish(message)
        .exceptionally(
            error -> {
              current.failed(thing + " publish to " + topic + ": " + error);
              return null;
            });
  }

  /** A reported state that changes with every update, so each one writes a new version. */
  static byte[] payload(long sequence) {
    return String.format(
            Locale.ROOT,
            "{\"state\":{\"reported\":{\"seq\":%d,\"lux\":%d,\"on\":true}}}",
            sequence,
            sequence % 1000)
        .getBytes(StandardCharsets.UTF_8);
  }

  private void onMessage(Mqtt3Publish message) {
    long now = System.nanoTime();
    MqttPhase current = phase;
    if (current == null) {
      return;
    }
    String topic = message.getTopic().toString();
    boolean again;
    if (topic.endsWith("/update/rejected")) {
      again =
          current.rejected(
              thing
                  + " update rejected: "
                  + new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8),
              now);
    } else if (topic.equals(
        current.mode() == Mode.UPDATE ? updateTopic + "/accepted" : echoTopic)) {
      again = current.answered(sentAt, now);
    } else {
      return; // a late answer of the phase before
    }
    if (again) {
      send();
    }
  }
}
