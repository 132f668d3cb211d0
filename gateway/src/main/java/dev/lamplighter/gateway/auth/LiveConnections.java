package dev.lamplighter.gateway.auth;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections the authenticator accepted and the broker has not reported closed, by namespace
 * and client id, with a per-scope change counter.
 *
 * <p>An entry is added when a connection is accepted (before the broker reports it open) and
 * removed when the broker reports that very session closed: when a second connection takes over a
 * client id, the first one's late "disconnected" does not remove the second's entry.
 *
 * <p>The counter closes a race: a registry change committed while a connection is being admitted
 * might be read by the change follower before the connection is listed here. The authenticator
 * reads the scope's counter before loading policies and checks again once the connection is listed;
 * a change in between makes it load them again.
 *
 * <p>Threading: safe from any thread; the listener methods do no I/O.
 */
public final class LiveConnections implements LifecycleListener {
  private final Map<String, LiveConnection> byClient = new ConcurrentHashMap<>();
  private final Map<Scope, AtomicLong> changes = new ConcurrentHashMap<>();

  void admit(LiveConnection connection) {
    byClient.put(key(connection.namespace(), connection.clientId()), connection);
  }

  @Override
  public void connected(ClientInfo client) {
    LiveConnection connection = byClient.get(key(client.namespace(), client.clientId()));
    if (connection != null && connection.sessionId() == null) {
      connection.opened(client.sessionId());
    }
  }

  @Override
  public void disconnected(ClientInfo client, DisconnectReason reason, boolean clientInitiated) {
    byClient.computeIfPresent(
        key(client.namespace(), client.clientId()),
        (key, connection) -> client.sessionId().equals(connection.sessionId()) ? null : connection);
  }

  /** The listed connection of {@code clientId}, or null. */
  public LiveConnection get(String namespace, String clientId) {
    return byClient.get(key(namespace, clientId));
  }

  /** Every listed connection. */
  public List<LiveConnection> all() {
    return List.copyOf(byClient.values());
  }

  /** The listed connections of a scope. */
  public List<LiveConnection> inScope(Scope scope) {
    return byClient.values().stream().filter(c -> c.scope().equals(scope)).toList();
  }

  /** How many registry changes of the scope were seen so far. */
  long changeCount(Scope scope) {
    AtomicLong count = changes.get(scope);
    return count == null ? 0 : count.get();
  }

  /** Counts a registry change of the scope. */
  void changed(Scope scope) {
    changes.computeIfAbsent(scope, s -> new AtomicLong()).incrementAndGet();
  }

  /** Drops a connection that is being closed by the gateway itself. */
  void remove(LiveConnection connection) {
    byClient.remove(key(connection.namespace(), connection.clientId()), connection);
  }

  private static String key(String namespace, String clientId) {
    return namespace + '\u0000' + clientId;
  }
}
