package dev.lamplighter.bench.load;

import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the things the describe scenario reads ({@code bench-thing-000} onwards) and prints one
 * line {@code seed things=N ms=T}. Any answer but 2xx stops it with exit status 1.
 *
 * <p>Usage: {@code SeedThings URL COUNT [CONCURRENCY]}.
 */
public final class SeedThings {
  private static final Logger LOG = LoggerFactory.getLogger(SeedThings.class);
  private static final int DEFAULT_CONCURRENCY = 8;
  private static final byte[] BODY =
      "{\"attributePayload\":{\"attributes\":{\"bench\":\"registry\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  private SeedThings() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      LOG.error("usage: SeedThings URL COUNT [CONCURRENCY]");
      System.exit(2);
      return;
    }
    URI target = URI.create(args[0]);
    int count = Integer.parseInt(args[1]);
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_CONCURRENCY;

    RequestSigner signer = new RequestSigner(target);
    HttpClient client = ClientMode.newClient();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<String>> failures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = ThingNames.seeded(i);
      failures.add(pool.submit(() -> create(client, signer, name)));
    }
    pool.shutdown();
    for (Future<String> failure : failures) {
      String message = result(failure);
      if (message != null) {
        LOG.error("seeding stopped: {}", message);
        pool.shutdownNow();
        System.exit(1);
        return;
      }
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    StandardOutput.println(
        "seed things=" + count + " concurrency=" + concurrency + " ms=" + millis);
  }

  /** Null when the thing was created, else what went wrong. */
  private static String create(HttpClient client, RequestSigner signer, String name) {
    try {
      HttpResponse<String> response =
          client.send(
              signer.sign(new BenchRequest("POST", "/things/" + name, BODY)),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? null
          : "CreateThing " + name + " answered " + status + ": " + response.body();
    } catch (IOException e) {
      return "CreateThing " + name + " failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String result(Future<String> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      return e.getCause().toString();
    }
  }
}
