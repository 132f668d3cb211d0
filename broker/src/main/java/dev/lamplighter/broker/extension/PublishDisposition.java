package dev.lamplighter.broker.extension;

/** What the broker does with a client's publish on a topic, as {@link ReservedTopics} decides. */
public enum PublishDisposition {
  /** Not reserved: authorize and route to subscribers as usual. */
  ROUTE,
  /** A handler took the message; it is acknowledged and not routed. */
  CONSUMED,
  /** Clients may not publish here: treated as an unauthorized publish. */
  REFUSED
}
