package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Nothing acknowledged is lost: the server process is killed with SIGKILL while devices publish QoS
 * 1 messages to a persistent session, restarted on the same data directory, and every message a
 * publisher got a PUBACK for reaches the subscriber (at least once, in order per publisher).
 */
class MqttDurabilityIT {
  private static final String POLICY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/crash/${iot:Connection.Thing.ThingName}/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topicfilter/crash/*"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:topic/crash/*"}
      ]}
      """;
  private static final int PUBLISHERS = 3;
  private static final Duration RECOVERED = Duration.ofSeconds(60);

  @TempDir Path dataDir;

  /** What a subscriber saw: each publisher's sequence numbers in arrival order. */
  private final Map<String, List<Integer>> delivered = new ConcurrentHashMap<>();

  @Test
  void killedMidStream_everyAcknowledgedMessageReachesThePersistentSubscriber_inOrder() {
    Map<String, Set<Integer>> acknowledged = new ConcurrentHashMap<>();
    List<Device> sources = new ArrayList<>();
    Device sink;
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      MqttDevices devices = new MqttDevices(iot, server.endpoint(), server::awaitMqttPort);
      devices.createPolicy("crash", POLICY);
      sink = devices.register("sink", "crash");
      for (int i = 0; i < PUBLISHERS; i++) {
        sources.add(devices.register("source-" + i, "crash"));
      }
      Mqtt3AsyncClient subscriber = persistentSubscriber(devices, sink);
      List<Mqtt3AsyncClient> publishers = new ArrayList<>();
      for (Device source : sources) {
        Mqtt3AsyncClient publisher = devices.v3(source).toAsync();
        publisher.connect().join();
        publishers.add(publisher);
        acknowledged.put(source.name(), ConcurrentHashMap.newKeySet());
      }
      // Publish until the subscriber has seen some messages, then kill mid-stream.
      AtomicReference<Boolean> running = new AtomicReference<>(true);
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < PUBLISHERS; p++) {
        Mqtt3AsyncClient publisher = publishers.get(p);
        String name = sources.get(p).name();
        Thread thread =
            new Thread(
                () -> {
                  for (int seq = 0; seq < 100_000 && running.get(); seq++) {
                    int n = seq;
                    try {
                      publisher
                          .publishWith()
                          .topic("crash/" + name + "/data")
                          .qos(MqttQos.AT_LEAST_ONCE)
                          .payload((name + ":" + n).getBytes(StandardCharsets.UTF_8))
                          .send()
                          .whenComplete(
                              (ack, failure) -> {
                                if (failure == null) {
                                  acknowledged.get(name).add(n);
                                }
                              })
                          .get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      return; // the server is gone
                    }
                  }
                });
        thread.start();
        threads.add(thread);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> delivered.values().stream().mapToInt(List::size).sum() >= 300);
      server.kill();
      running.set(false);
      threads.forEach(MqttDurabilityIT::join);
      subscriber.disconnect();
    }
    int acked = acknowledged.values().stream().mapToInt(Set::size).sum();
    assertThat(acked).isGreaterThan(300);

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotClient iot = client(restarted)) {
      MqttDevices devices = new MqttDevices(iot, restarted.endpoint(), restarted::awaitMqttPort);
      Mqtt3AsyncClient subscriber = persistentSubscriber(devices, sink);
      Awaitility.await()
          .atMost(RECOVERED)
          .untilAsserted(
              () -> {
                for (Device source : sources) {
                  assertThat(delivered.getOrDefault(source.name(), List.of()))
                      .as("messages of %s delivered", source.name())
                      .containsAll(acknowledged.get(source.name()));
                }
              });
      for (Device source : sources) {
        assertThat(firstDeliveries(delivered.get(source.name())))
            .as("first deliveries of %s", source.name())
            .isSorted();
      }
      subscriber.disconnect();
    }
  }

  @Test
  void offlineSessionQueue_andRetainedMessages_surviveKillDashNine() throws Exception {
    Device sink;
    Device source;
    try (ServerProcess server = ServerProcess.startServer(dataDir);
        IotClient iot = client(server)) {
      MqttDevices devices = new MqttDevices(iot, server.endpoint(), server::awaitMqttPort);
      devices.createPolicy("crash", POLICY);
      sink = devices.register("sink", "crash");
      source = devices.register("source-0", "crash");
      persistentSubscriber(devices, sink).disconnect().join();

      Mqtt3BlockingClient publisher = devices.v3(source);
      publisher.connect();
      for (int seq = 0; seq < 200; seq++) {
        publisher
            .publishWith()
            .topic("crash/source-0/data")
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(("source-0:" + seq).getBytes(StandardCharsets.UTF_8))
            .send();
      }
      publisher
          .publishWith()
          .topic("crash/source-0/config")
          .qos(MqttQos.AT_LEAST_ONCE)
          .retain(true)
          .payload("mode=night".getBytes(StandardCharsets.UTF_8))
          .send();
      server.kill();
    }

    try (ServerProcess restarted = ServerProcess.startServer(dataDir);
        IotClient iot = client(restarted)) {
      MqttDevices devices = new MqttDevices(iot, restarted.endpoint(), restarted::awaitMqttPort);
      Mqtt3AsyncClient subscriber = persistentSubscriber(devices, sink);
      Awaitility.await()
          .atMost(RECOVERED)
          .until(() -> delivered.getOrDefault("source-0", List.of()).size() >= 200);
      assertThat(delivered.get("source-0")).startsWith(range(200).toArray(Integer[]::new));

      subscriber.disconnect().join();

      Mqtt3BlockingClient late = devices.v3(source);
      late.connect();
      try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
          late.publishes(MqttGlobalPublishFilter.ALL)) {
        late.subscribeWith().topicFilter("crash/source-0/config").qos(MqttQos.AT_LEAST_ONCE).send();
        assertThat(publishes.receive(10, TimeUnit.SECONDS))
            .hasValueSatisfying(
                m -> {
                  assertThat(m.isRetain()).isTrue();
                  assertThat(new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8))
                      .isEqualTo("mode=night");
                });
      } finally {
        late.disconnect();
      }
    }
  }

  private Mqtt3AsyncClient persistentSubscriber(MqttDevices devices, Device sink) {
    Mqtt3AsyncClient subscriber = devices.v3(sink).toAsync();
    subscriber.publishes(
        MqttGlobalPublishFilter.ALL,
        publish -> {
          String[] parts =
              new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8).split(":");
          if (parts.length == 2) {
            delivered
                .computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                .add(Integer.parseInt(parts[1]));
          }
        });
    Mqtt3ConnAck connAck = subscriber.connectWith().cleanSession(false).send().join();
    if (!connAck.isSessionPresent()) {
      subscriber
          .subscribeWith()
          .topicFilter("crash/+/data")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send()
          .join();
    }
    return subscriber;
  }

  /** Each number at its first appearance, in arrival order. */
  private static List<Integer> firstDeliveries(List<Integer> arrivals) {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    List<Integer> first = new ArrayList<>();
    for (Integer n : arrivals) {
      if (seen.add(n)) {
        first.add(n);
      }
    }
    return first;
  }

  private static List<Integer> range(int count) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(i);
    }
    return numbers;
  }

  private static void join(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static IotClient client(ServerProcess server) {
    return IotClient.builder()
        .endpointOverride(server.endpoint())
        .region(TestServer.REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(TestServer.ROOT_KEY, TestServer.ROOT_SECRET)))
        .httpClient(ApacheHttpClient.create())
        .build();
  }
}
