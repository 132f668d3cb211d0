package dev.lamplighter.api.iotdata;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.messaging.RetainedMessageDetails;
import dev.lamplighter.core.messaging.RetainedMessageSummary;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link DeviceMessaging} that records what the API asks of it and answers from retained messages
 * the test puts in, in topic order. {@link #failWith} makes every call fail.
 */
final class RecordingDeviceMessaging implements DeviceMessaging {
  /** One DeleteConnection call. */
  record Disconnect(Scope scope, String clientId, boolean cleanSession, boolean preventWill) {}

  final List<Scope> publishScopes = new CopyOnWriteArrayList<>();
  final List<OutgoingMessage> published = new CopyOnWriteArrayList<>();
  final List<PageRequest> pageRequests = new CopyOnWriteArrayList<>();
  final List<Disconnect> disconnects = new CopyOnWriteArrayList<>();
  private final Map<String, RetainedMessageDetails> retained = new TreeMap<>();
  private volatile ServiceException failure;

  synchronized void retain(RetainedMessageDetails message) {
    retained.put(message.topic(), message);
  }

  void failWith(ServiceException failure) {
    this.failure = failure;
  }

  @Override
  public void publish(Scope scope, OutgoingMessage message) {
    failIfAsked();
    publishScopes.add(scope);
    published.add(message);
  }

  @Override
  public synchronized Page<RetainedMessageSummary> retainedMessages(Scope scope, PageRequest page) {
    failIfAsked();
    pageRequests.add(page);
    List<RetainedMessageSummary> after = new ArrayList<>();
    for (RetainedMessageDetails m : retained.values()) {
      if (page.after().isEmpty() || m.topic().compareTo(page.after().get()) > 0) {
        after.add(
            new RetainedMessageSummary(
                m.topic(), m.payload().length, m.qos(), m.lastModifiedTimeMillis()));
      }
    }
    List<RetainedMessageSummary> fetched =
        after.subList(0, Math.min(after.size(), page.limit() + 1));
    return Page.fromLookahead(fetched, page.limit(), RetainedMessageSummary::topic);
  }

  @Override
  public synchronized RetainedMessageDetails retainedMessage(Scope scope, String topic) {
    failIfAsked();
    RetainedMessageDetails message = retained.get(topic);
    if (message == null) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("No retained message on topic %s.", topic);
    }
    return message;
  }

  @Override
  public void deleteConnection(
      Scope scope, String clientId, boolean cleanSession, boolean preventWillMessage) {
    failIfAsked();
    disconnects.add(new Disconnect(scope, clientId, cleanSession, preventWillMessage));
  }

  private void failIfAsked() {
    ServiceException current = failure;
    if (current != null) {
      throw current;
    }
  }
}
