package dev.lamplighter.gateway.events;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.ThingConnectivityService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports connects and disconnects to the registry as things' connectivity, which the fleet index
 * shows as {@code connectivity.connected}, {@code connectivity.timestamp} and {@code
 * connectivity.disconnectReason}. The client id is taken as the thing name; the registry ignores
 * client ids that name no thing of the connection's scope.
 *
 * <p>Threading: the listener methods run on the connection's event loop, so they only take the time
 * and hand the store write to one of a few single-thread executors, picked by the client id's hash:
 * a client's reports are written in the order the broker made them, and a slow store never blocks
 * the broker. Reports that arrive out of order anyway (an old connection's disconnect on another
 * event loop than its successor's connect) carry their {@link MqttConnection}, by which the
 * registry keeps the newest. A failed write is logged, never thrown; a full queue drops the report
 * with a warning. {@link #close} lets queued reports finish for a few seconds, so the disconnects
 * of a shutdown are recorded.
 */
public final class ConnectivityRecorder implements LifecycleListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectivityRecorder.class);
  private static final int QUEUE_PER_STRIPE = 100_000;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final ThingConnectivityService connectivity;
  private final Clock clock;
  private final List<ExecutorService> stripes;

  /**
   * @param stripes how many writer threads; each client id always uses the same one
   */
  public ConnectivityRecorder(ThingConnectivityService connectivity, Clock clock, int stripes) {
    if (stripes < 1) {
      throw new IllegalArgumentException("at least one stripe");
    }
    this.connectivity = connectivity;
    this.clock = clock;
    List<ExecutorService> executors = new ArrayList<>(stripes);
    for (int i = 0; i < stripes; i++) {
      String name = "gateway-connectivity-" + i;
      executors.add(
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(QUEUE_PER_STRIPE),
              runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
              }));
    }
    this.stripes = List.copyOf(executors);
  }

  @Override
  public void connected(ClientInfo client) {
    MqttConnection connection = connection(client);
    record(
        client,
        "connect",
        scope -> connectivity.recordConnected(scope, client.clientId(), connection));
  }

  @Override
  public void disconnected(ClientInfo client, DisconnectReason reason, boolean clientInitiated) {
    MqttConnection connection = connection(client);
    long at = clock.millis();
    record(
        client,
        "disconnect",
        scope ->
            connectivity.recordDisconnected(
                scope, client.clientId(), connection, at, reason.name()));
  }

  private static MqttConnection connection(ClientInfo client) {
    return new MqttConnection(client.connectedAtMillis(), client.version());
  }

  /** The recording work of one report, given the connection's scope. */
  @FunctionalInterface
  private interface Report {
    void record(Scope scope);
  }

  private void record(ClientInfo client, String what, Report report) {
    Optional<Scope> scope = Namespaces.scope(client.namespace());
    if (scope.isEmpty()) {
      return;
    }
    ExecutorService stripe =
        stripes.get(Math.floorMod(client.clientId().hashCode(), stripes.size()));
    try {
      stripe.execute(
          () -> {
            try {
              report.record(scope.get());
            } catch (RuntimeException e) {
              LOG.warn(
                  "Recording the {} of [{}] in [{}] failed",
                  what,
                  client.clientId(),
                  client.namespace(),
                  e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "Dropped the {} of [{}] in [{}]: connectivity reports are queued beyond their limit or"
              + " the gateway is closing",
          what,
          client.clientId(),
          client.namespace());
    }
  }

  /** Stops taking reports and waits a few seconds for the queued ones to be written. */
  @Override
  public void close() {
    stripes.forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      for (ExecutorService stripe : stripes) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !stripe.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          LOG.warn("Connectivity reports still queued at shutdown were not recorded");
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stripes.forEach(ExecutorService::shutdownNow);
    }
  }
}
