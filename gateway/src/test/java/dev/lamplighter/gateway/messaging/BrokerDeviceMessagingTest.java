package dev.lamplighter.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.messaging.RetainedMessageSummary;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.BrokerHandle;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerDeviceMessagingTest {
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");

  private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
  private final FakeBroker broker = new FakeBroker();
  private final BrokerDeviceMessaging messaging =
      new BrokerDeviceMessaging(broker, BrokerSettings.awsDefaults(0), clock);

  private static OutgoingMessage message(String topic, int qos, int payloadBytes) {
    return OutgoingMessage.of(topic, new byte[payloadBytes], qos, false);
  }

  private static void assertFails(ErrorCode code, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void publish_handsTheMessageToTheScopesNamespace_withExpiryFromTheClock() {
    OutgoingMessage outgoing =
        new OutgoingMessage(
            "things/lamp-1/commands",
            "on".getBytes(StandardCharsets.UTF_8),
            1,
            true,
            "text/plain",
            "things/lamp-1/replies",
            new byte[] {7},
            true,
            List.of(new OutgoingMessage.UserProperty("k", "v")),
            60);

    messaging.publish(SCOPE, outgoing);

    assertThat(broker.namespaces).containsExactly(Namespaces.of(SCOPE));
    Message sent = broker.published.get(0);
    assertThat(sent.topic()).isEqualTo("things/lamp-1/commands");
    assertThat(sent.qos()).isEqualTo(1);
    assertThat(sent.retain()).isTrue();
    assertThat(sent.properties().contentType()).isEqualTo("text/plain");
    assertThat(sent.properties().responseTopic()).isEqualTo("things/lamp-1/replies");
    assertThat(sent.properties().payloadUtf8()).isTrue();
    assertThat(sent.properties().userProperties())
        .containsExactly(new Message.UserProperty("k", "v"));
    assertThat(sent.properties().expiresAtMillis()).isEqualTo(clock.millis() + 60_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "things/+/state", "things/#", "a/b/c/d/e/f/g/h/i"})
  void publish_withAnInvalidTopic_isAnInvalidRequest(String topic) {
    assertFails(ErrorCode.INVALID_REQUEST, () -> messaging.publish(SCOPE, message(topic, 0, 1)));
    assertThat(broker.published).isEmpty();
  }

  @Test
  void publish_withATopicOver256Bytes_isAnInvalidRequest() {
    String topic = "é".repeat(129); // 258 bytes in UTF-8
    assertFails(ErrorCode.INVALID_REQUEST, () -> messaging.publish(SCOPE, message(topic, 0, 1)));
  }

  @Test
  void basicIngestPrefix_doesNotCountTowardsTheSlashLimit() {
    messaging.publish(SCOPE, message("$aws/rules/lamps/a/b/c/d/e/f/g/h", 0, 1));

    assertThat(broker.published).hasSize(1);
  }

  @Test
  void publish_withQos2_isAnInvalidRequest() {
    assertFails(ErrorCode.INVALID_REQUEST, () -> messaging.publish(SCOPE, message("a", 2, 1)));
  }

  @Test
  void publish_overTheLimit_isTooLarge_andAtTheLimitPasses() {
    assertFails(
        ErrorCode.REQUEST_TOO_LARGE,
        () -> messaging.publish(SCOPE, message("a", 0, 128 * 1024 + 1)));
    messaging.publish(SCOPE, message("a", 0, 128 * 1024));
    assertThat(broker.published).hasSize(1);
  }

  @Test
  void retainedMessages_arePagedInTopicOrder() {
    for (String topic : List.of("c", "a", "b")) {
      broker.retain(topic, topic.getBytes(StandardCharsets.UTF_8));
    }

    Page<RetainedMessageSummary> first = messaging.retainedMessages(SCOPE, PageRequest.first(2));
    assertThat(first.items()).extracting(RetainedMessageSummary::topic).containsExactly("a", "b");
    assertThat(first.next()).contains("b");
    Page<RetainedMessageSummary> second =
        messaging.retainedMessages(SCOPE, PageRequest.after(first.next().get(), 2));
    assertThat(second.items()).extracting(RetainedMessageSummary::topic).containsExactly("c");
    assertThat(second.next()).isEmpty();
    assertThat(second.items().get(0).payloadSize()).isEqualTo(1);
  }

  @Test
  void retainedMessage_isReturned_orNotFound() {
    broker.retain("lamps/1", new byte[] {1, 2});

    assertThat(messaging.retainedMessage(SCOPE, "lamps/1").payload()).containsExactly(1, 2);
    assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> messaging.retainedMessage(SCOPE, "lamps/2"));
  }

  @Test
  void deleteConnection_ofAClientNotConnected_isNotFound() {
    broker.connected.add("lamp-1");

    messaging.deleteConnection(SCOPE, "lamp-1", true, true);
    assertThat(broker.disconnects).containsExactly("lamp-1 discard=true will=false");
    assertFails(
        ErrorCode.RESOURCE_NOT_FOUND,
        () -> messaging.deleteConnection(SCOPE, "lamp-2", false, false));
  }

  /** A broker that records what it is asked. */
  private static final class FakeBroker implements BrokerHandle {
    @Override
    public void publishTo(String namespace, String clientId, Message message) {
      throw new AssertionError("iot-data never answers one client");
    }

    @Override
    public boolean hasSubscribers(String namespace, String topic) {
      return false;
    }

    final List<String> namespaces = new ArrayList<>();
    final List<Message> published = new ArrayList<>();
    final Map<String, RetainedMessage> retained = new TreeMap<>();
    final List<String> connected = new ArrayList<>();
    final List<String> disconnects = new ArrayList<>();

    void retain(String topic, byte[] payload) {
      retained.put(topic, new RetainedMessage(Message.of(topic, payload, 1, true), 1_000));
    }

    @Override
    public void publish(String namespace, Message message) {
      namespaces.add(namespace);
      published.add(message);
    }

    @Override
    public List<RetainedMessage> retainedMessages(String namespace) {
      return List.copyOf(retained.values());
    }

    @Override
    public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
      return Optional.ofNullable(retained.get(topic));
    }

    @Override
    public void dropForbiddenSubscriptions(String namespace, String clientId) {}

    @Override
    public boolean disconnect(
        String namespace, String clientId, boolean discardSession, boolean publishWill) {
      if (!connected.remove(clientId)) {
        return false;
      }
      disconnects.add(clientId + " discard=" + discardSession + " will=" + publishWill);
      return true;
    }
  }
}
