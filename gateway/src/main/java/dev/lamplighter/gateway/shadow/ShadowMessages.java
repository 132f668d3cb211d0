package dev.lamplighter.gateway.shadow;

import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.gateway.BrokerHandle;
import dev.lamplighter.gateway.Namespaces;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishes what AWS IoT publishes for a stored shadow change, from the change log's SHADOW
 * entries: {@code update/accepted}, {@code update/delta} (when the entry carries one) and {@code
 * update/documents} for an update, {@code delete/accepted} for a delete, under the shadow's topic
 * prefix. Every node follows the log, so a device hears about a change made through any node; a
 * topic nobody subscribed to on this node costs nothing. Published at QoS 1, so persistent sessions
 * get what was published while they were away, after the client's {@code iot:Receive} check like
 * any message.
 *
 * <p>Entries are scanned, not parsed into trees: the documents are published as the log holds them,
 * and only those with a subscriber are cut out of the entry.
 *
 * <p>Threading: runs on its follower's thread.
 */
public final class ShadowMessages implements ChangeFollower.Consumer {
  private static final int QOS = 1;

  private static final List<String> UPDATE_DOCUMENTS = List.of("accepted", "delta", "documents");
  private static final List<String> DELETE_DOCUMENTS = List.of("accepted");

  private final BrokerHandle broker;

  public ShadowMessages(BrokerHandle broker) {
    this.broker = broker;
  }

  @Override
  public void apply(List<ChangeEvent> batch) {
    for (ChangeEvent event : batch) {
      if (event.type() != ResourceType.SHADOW || event.stateJson() == null) {
        continue;
      }
      String namespace = Namespaces.of(event.scope());
      boolean deleted = event.kind() == ChangeKind.DELETED;
      LoggedShadow logged =
          LoggedShadow.scan(
              event.stateJson(),
              (prefix, document) ->
                  broker.hasSubscribers(namespace, prefix + topicSuffix(deleted, document)));
      if (logged == null) {
        continue;
      }
      String prefix = logged.topicPrefix();
      for (String document : deleted ? DELETE_DOCUMENTS : UPDATE_DOCUMENTS) {
        publish(namespace, prefix + topicSuffix(deleted, document), logged, document);
      }
    }
  }

  /** Where a document of an update or a delete is published, after the shadow's topic prefix. */
  private static String topicSuffix(boolean deleted, String document) {
    if (deleted) {
      return "/delete/accepted";
    }
    return document.equals("accepted") ? "/update/accepted" : "/update/" + document;
  }

  /** Publishes one of the entry's documents, as logged, if this node has a subscriber for it. */
  private void publish(String namespace, String topic, LoggedShadow logged, String document) {
    String json = logged.document(document);
    if (json == null || !broker.hasSubscribers(namespace, topic)) {
      return;
    }
    broker.publish(namespace, Message.of(topic, json.getBytes(StandardCharsets.UTF_8), QOS, false));
  }
}
