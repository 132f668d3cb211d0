package dev.lamplighter.bench.tunnel;

import dev.lamplighter.bench.BenchCredentials;
import dev.lamplighter.bench.StepMain;
import dev.lamplighter.bench.load.ProcessCpu;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotsecuretunneling.IoTSecureTunnelingClient;

/**
 * The tunnel suite's measurements against a running server, printed as result lines: full-duplex
 * throughput and small round trips through one tunnel and over raw loopback TCP to the same echo
 * service, alternating which goes first; then many tunnels at once with the server's RSS before and
 * while they are connected. Usage: see {@link TunnelOptions#USAGE}.
 */
public final class TunnelBench {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelBench.class);
  private static final int MIB = 1024 * 1024;
  private static final int ROUND_TRIP_BYTES = 64;
  static final String RAW = "raw";
  static final String TUNNEL = "tunnel";

  private final TunnelOptions options;
  private final ExecutorService senders = Executors.newCachedThreadPool();

  private TunnelBench(TunnelOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    StepMain.run(LOG, args, TunnelOptions::parse, o -> "tunnel", o -> new TunnelBench(o).run());
  }

  private List<String> run() throws Exception {
    Path rootCa = Files.createTempFile("lamplighter-root-ca", ".pem");
    List<String> lines = new ArrayList<>();
    try (EchoService echo = new EchoService();
        IoTSecureTunnelingClient api = client(options.target())) {
      Files.writeString(rootCa, fetch(options.target().resolve("/root-ca.pem")));
      try (BenchTunnel tunnel =
          BenchTunnel.open(api, options.dataPort(), echo.port(), rootCa, "bench-lamp")
              .awaitReady()) {
        int[] ports = {echo.port(), tunnel.port()};
        lines.addAll(throughput(ports));
        lines.addAll(latency(ports));
      }
      lines.add(manyTunnels(api, echo.port(), rootCa));
    } finally {
      senders.shutdownNow();
      Files.deleteIfExists(rootCa);
    }
    return lines;
  }

  private List<String> throughput(int[] ports) throws Exception {
    long bytes = (long) options.mebibytes() * MIB;
    // The JIT compiles the proxies' and the relay's paths only after many megabytes: transfer on
    // both paths for the warm-up's duration before anything is measured.
    LOG.info("warming up for {} s on both paths", options.warmupSeconds());
    long warmUntil = System.nanoTime() + options.warmupSeconds() * 1_000_000_000L;
    do {
      for (int port : ports) {
        try (Socket socket = Transfers.connect(port)) {
          Transfers.fullDuplex(socket, Math.min(16L * MIB, bytes), 0, senders);
        }
      }
    } while (System.nanoTime() < warmUntil);
    List<String> lines = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      // Alternate which path runs first, so neither always meets a warmer machine.
      int first = round % 2;
      for (int i = 0; i < 2; i++) {
        int path = (first + i) % 2;
        LOG.info("round {}: {} MiB each way over {}", round, options.mebibytes(), name(path));
        double seconds;
        try (Socket socket = Transfers.connect(ports[path])) {
          seconds = Transfers.fullDuplex(socket, bytes, round, senders);
        }
        lines.add(
            String.format(
                Locale.ROOT,
                "tunnel-throughput path=%s round=%d mib=%d seconds=%.3f mb_s=%.1f",
                name(path),
                round,
                options.mebibytes(),
                seconds,
                bytes / 1e6 / seconds));
      }
    }
    return lines;
  }

  private List<String> latency(int[] ports) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int path = 0; path < 2; path++) {
      LOG.info(
          "{} round trips of {} bytes over {}", options.samples(), ROUND_TRIP_BYTES, name(path));
      try (Socket socket = Transfers.connect(ports[path])) {
        Transfers.roundTrips(socket, options.samples(), ROUND_TRIP_BYTES);
        long[] nanos = Transfers.roundTrips(socket, options.samples(), ROUND_TRIP_BYTES);
        Arrays.sort(nanos);
        lines.add(
            String.format(
                Locale.ROOT,
                "tunnel-latency path=%s samples=%d bytes=%d p50_us=%.1f p99_us=%.1f max_us=%.1f",
                name(path),
                nanos.length,
                ROUND_TRIP_BYTES,
                percentile(nanos, 0.50) / 1e3,
                percentile(nanos, 0.99) / 1e3,
                nanos[nanos.length - 1] / 1e3));
      }
    }
    return lines;
  }

  private String manyTunnels(IoTSecureTunnelingClient api, int echoPort, Path rootCa)
      throws Exception {
    int count = options.tunnels();
    long rssBefore = rssKb();
    LOG.info("opening {} tunnels with {} local proxies", count, 2 * count);
    List<BenchTunnel> tunnels = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        tunnels.add(BenchTunnel.open(api, options.dataPort(), echoPort, rootCa, "bench-lamp-" + i));
      }
      for (BenchTunnel tunnel : tunnels) {
        tunnel.awaitReady();
      }
      Thread.sleep(2_000);
      long rssConnected = rssKb();
      long bytes = (long) options.mebibytesPerTunnel() * MIB;
      Optional<Duration> cpuBefore = serverCpu();
      long started = System.nanoTime();
      List<Future<Double>> transfers = new ArrayList<>();
      for (BenchTunnel tunnel : tunnels) {
        transfers.add(
            senders.submit(
                () -> {
                  try (Socket socket = Transfers.connect(tunnel.port())) {
                    return Transfers.fullDuplex(socket, bytes, 7, senders);
                  }
                }));
      }
      for (Future<Double> transfer : transfers) {
        transfer.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Optional<Duration> cpuAfter = serverCpu();
      String serverCores =
          cpuBefore.isPresent() && cpuAfter.isPresent()
              ? String.format(
                  Locale.ROOT,
                  "%.2f",
                  cpuAfter.get().minus(cpuBefore.get()).toNanos() / 1e9 / seconds)
              : "-";
      return String.format(
          Locale.ROOT,
          "tunnel-many tunnels=%d mib_each=%d seconds=%.3f aggregate_mb_s=%.1f"
              + " rss_before_kb=%d rss_connected_kb=%d per_tunnel_kb=%.1f server_cores=%s",
          count,
          options.mebibytesPerTunnel(),
          seconds,
          count * bytes / 1e6 / seconds,
          rssBefore,
          rssConnected,
          (rssConnected - rssBefore) / (double) count,
          serverCores);
    } finally {
      tunnels.forEach(BenchTunnel::close);
    }
  }

  private long rssKb() throws IOException {
    if (options.targetPid().isEmpty()) {
      return -1;
    }
    for (String line :
        Files.readAllLines(Path.of("/proc/" + options.targetPid().getAsLong() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private Optional<Duration> serverCpu() {
    return options.targetPid().isPresent()
        ? ProcessCpu.of(options.targetPid().getAsLong()).total()
        : Optional.empty();
  }

  static double percentile(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String name(int path) {
    return path == 0 ? RAW : TUNNEL;
  }

  private static IoTSecureTunnelingClient client(URI api) {
    return IoTSecureTunnelingClient.builder()
        .endpointOverride(api)
        .region(Region.of(BenchCredentials.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BenchCredentials.ACCESS_KEY_ID, BenchCredentials.SECRET_ACCESS_KEY)))
        .httpClient(ApacheHttpClient.builder().build())
        .build();
  }

  private static String fetch(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    return response.body();
  }
}
