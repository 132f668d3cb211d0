package dev.lamplighter.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the workers share {@link HttpClient}s. Each client keeps its own HTTP/1.1 keep-alive pool and
 * selector thread: one shared client multiplexes every worker's connection on one selector, one
 * client per worker gives each its own.
 *
 * <p>Measured against the ceiling on the 2-core bench machine (32 workers, 10 s windows): one
 * shared client with a direct executor gave 7,500 to 9,500 requests/s; one client per worker 4,000
 * to 5,000; either with the client's default executor 3,500 to 4,500, the load generator using
 * about 1.5 of the 2 cores in every case. So the default is a shared client, for every target.
 *
 * <p>The clients run their completion tasks on the thread that finishes a response (the selector
 * thread) instead of handing each to a pool thread: every worker blocks in a synchronous send and
 * the body handler only collects bytes, so nothing blocks there, and it saves a thread hop per
 * request that, on two cores, cost more than the requests themselves.
 */
public enum ClientMode {
  SHARED,
  PER_WORKER;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** One client for each of {@code workers} workers, shared or not. */
  List<HttpClient> clients(int workers) {
    List<HttpClient> clients = new ArrayList<>(workers);
    HttpClient shared = this == SHARED ? newClient() : null;
    for (int i = 0; i < workers; i++) {
      clients.add(shared != null ? shared : newClient());
    }
    return clients;
  }

  /** The name used on the command line and in result lines: shared, per-worker. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ClientMode parse(String text) {
    for (ClientMode mode : values()) {
      if (mode.label().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("--client is shared or per-worker, not '" + text + "'");
  }

  /**
   * A client as every mode builds it; also used to seed the things and by the thing-group suite.
   */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .executor(Runnable::run)
        .build();
  }
}
