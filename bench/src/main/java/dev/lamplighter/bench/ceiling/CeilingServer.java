package dev.lamplighter.bench.ceiling;

import com.sun.net.httpserver.HttpServer;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.bench.BenchCredentials;
import dev.lamplighter.bench.StandardOutput;
import dev.lamplighter.core.SuppressForbidden;
import dev.lamplighter.security.SigningCredential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the ceiling server on the loopback interface and prints its port on standard output. It
 * runs until the process is killed.
 *
 * <p>Usage: {@code CeilingServer [port] [threads]}; port 0 (the default) picks a free port.
 *
 * <p>The executor is a fixed pool as large as the server's Jetty pool can grow (Javalin's default
 * QueuedThreadPool: 8 to 250 threads), so that neither side is limited by its thread count. The JDK
 * server sets TCP_NODELAY on accepted sockets only when asked; Jetty does by default, and without
 * it Nagle's algorithm would hold back each small response.
 */
@SuppressForbidden(reason = "the ceiling is the JDK's built-in HTTP server by design")
public final class CeilingServer {
  static final int DEFAULT_THREADS = 250;
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private CeilingServer() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_THREADS;
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }

    SigningCredential credential = BenchCredentials.signingCredential();
    SigV4Verifier verifier =
        new SigV4Verifier(
            accessKeyId ->
                accessKeyId.equals(credential.accessKeyId())
                    ? Optional.of(credential)
                    : Optional.empty(),
            Clock.systemUTC(),
            Duration.ofMinutes(15),
            Set.of(BenchCredentials.SERVICE),
            true);

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", new CeilingHandler(verifier));
    server.setExecutor(fixedPool(threads));
    server.start();
    StandardOutput.println(Integer.toString(server.getAddress().getPort()));
  }

  private static ExecutorService fixedPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> new Thread(task, "ceiling-" + count.incrementAndGet());
    return Executors.newFixedThreadPool(threads, factory);
  }
}
