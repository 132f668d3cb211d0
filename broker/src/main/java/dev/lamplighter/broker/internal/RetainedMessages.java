package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The retained message of each topic, per namespace, in topic order. */
final class RetainedMessages {
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, RetainedMessage>>
      byNamespace = new ConcurrentHashMap<>();

  /** Keeps {@code message} as its topic's retained message; an empty payload deletes it. */
  void store(String namespace, Message message, long nowMillis) {
    ConcurrentSkipListMap<String, RetainedMessage> topics =
        byNamespace.computeIfAbsent(namespace, n -> new ConcurrentSkipListMap<>());
    if (message.payload().length == 0) {
      topics.remove(message.topic());
    } else {
      topics.put(message.topic(), new RetainedMessage(message.withRetain(true), nowMillis));
    }
  }

  /** Puts back a retained message read from the journal. */
  void restore(String namespace, String topic, RetainedMessage message) {
    byNamespace.computeIfAbsent(namespace, n -> new ConcurrentSkipListMap<>()).put(topic, message);
  }

  Optional<RetainedMessage> get(String namespace, String topic) {
    ConcurrentSkipListMap<String, RetainedMessage> topics = byNamespace.get(namespace);
    return topics == null ? Optional.empty() : Optional.ofNullable(topics.get(topic));
  }

  List<RetainedMessage> all(String namespace) {
    ConcurrentSkipListMap<String, RetainedMessage> topics = byNamespace.get(namespace);
    return topics == null ? List.of() : List.copyOf(topics.values());
  }

  /** The retained messages whose topics {@code topicFilter} matches, expired ones left out. */
  List<Message> matching(String namespace, String topicFilter, long nowMillis) {
    ConcurrentSkipListMap<String, RetainedMessage> topics = byNamespace.get(namespace);
    if (topics == null) {
      return List.of();
    }
    List<Message> matched = new ArrayList<>();
    for (RetainedMessage retained : topics.values()) {
      Message message = retained.message();
      if (TopicMatcher.matches(topicFilter, message.topic())
          && !message.properties().expiredAt(nowMillis)) {
        matched.add(message);
      }
    }
    return matched;
  }
}
