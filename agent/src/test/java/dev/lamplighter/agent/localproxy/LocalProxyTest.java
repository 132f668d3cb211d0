package dev.lamplighter.agent.localproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProxyTest {
  private static final String CLIENT_TOKEN = "lamplighter-test-client-token-0001";
  private static final Duration FAST_RETRY = Duration.ofMillis(100);

  @TempDir Path dir;
  private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private RelayStub relay;

  @BeforeEach
  void startRelay() throws Exception {
    relay = new RelayStub(dir, List.of("ECHO"));
    resources.add(relay);
  }

  @AfterEach
  void stop() throws Exception {
    threads.shutdownNow();
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private LocalProxy proxy(Mode mode, String clientToken, ServiceMapping... services) {
    LocalProxy proxy =
        LocalProxy.start(
            LocalProxyConfig.of(
                    mode,
                    "localhost",
                    relay.port(),
                    mode + "-token",
                    clientToken,
                    List.of(services),
                    relay.caFile())
                .withRetryDelay(FAST_RETRY));
    resources.add(proxy);
    return proxy;
  }

  private int echoServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    resources.add(server);
    threads.submit(
        () -> {
          while (!server.isClosed()) {
            Socket socket = server.accept();
            resources.add(socket);
            threads.submit(
                () -> {
                  byte[] buffer = new byte[64 * 1024];
                  try (socket;
                      InputStream in = socket.getInputStream();
                      OutputStream out = socket.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                      out.write(buffer, 0, n);
                    }
                  }
                  return null;
                });
          }
          return null;
        });
    return server.getLocalPort();
  }

  /** Sends {@code size} random bytes and reads as many back; returns [sent CRC, received CRC]. */
  private long[] roundTrip(int port, int size, long seed) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      Future<Long> received =
          threads.submit(
              () -> {
                CRC32 crc = new CRC32();
                byte[] buffer = new byte[64 * 1024];
                InputStream in = socket.getInputStream();
                long total = 0;
                while (total < size) {
                  int n = in.read(buffer);
                  if (n < 0) {
                    throw new IOException("closed after " + total + " bytes");
                  }
                  crc.update(buffer, 0, n);
                  total += n;
                }
                return crc.getValue();
              });
      CRC32 sent = new CRC32();
      Random random = new Random(seed);
      byte[] chunk = new byte[100_000];
      OutputStream out = socket.getOutputStream();
      for (int written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        int n = Math.min(chunk.length, size - written);
        out.write(chunk, 0, n);
        sent.update(chunk, 0, n);
      }
      out.flush();
      return new long[] {sent.getValue(), received.get(20, TimeUnit.SECONDS)};
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void echo_carriesConcurrentConnectionsBothWaysIntact() throws Exception {
    int echo = echoServer();
    LocalProxy destination =
        proxy(Mode.DESTINATION, null, new ServiceMapping("ECHO", "127.0.0.1", echo));
    LocalProxy source = proxy(Mode.SOURCE, null, new ServiceMapping("ECHO", null, 0));
    CompletableFuture.allOf(destination.ready(), source.ready()).get(5, TimeUnit.SECONDS);

    int connections = 4;
    int size = 8 * 1024 * 1024;
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      long seed = i;
      results.add(threads.submit(() -> roundTrip(source.port("ECHO"), size, seed)));
    }
    for (Future<long[]> result : results) {
      long[] crcs = result.get(30, TimeUnit.SECONDS);
      assertThat(crcs[1]).isEqualTo(crcs[0]);
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(relay.forwarded())
                    .filteredOn(m -> m.getType() == Message.Type.CONNECTION_RESET)
                    .hasSize(connections));
    List<Message> starts =
        relay.forwarded().stream()
            .filter(
                m ->
                    m.getType() == Message.Type.STREAM_START
                        || m.getType() == Message.Type.CONNECTION_START)
            .toList();
    assertThat(starts).hasSize(connections);
    assertThat(starts.get(0).getType()).isEqualTo(Message.Type.STREAM_START);
    assertThat(starts).allSatisfy(m -> assertThat(m.getStreamId()).isEqualTo(1));
    assertThat(starts).allSatisfy(m -> assertThat(m.getServiceId()).isEqualTo("ECHO"));
    assertThat(starts.stream().map(Message::getConnectionId)).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(relay.requests())
        .allSatisfy(
            headers -> {
              assertThat(headers.get("sec-websocket-protocol"))
                  .isEqualTo("aws.iot.securetunneling-3.0");
              assertThat(headers.get("access-token")).endsWith("-token");
            });
  }

  @Test
  void singleUnnamedPort_withoutTunnelServices_speaksV1() throws Exception {
    relay.services(List.of(), List.of());
    int echo = echoServer();
    LocalProxy destination =
        proxy(Mode.DESTINATION, null, new ServiceMapping("", "127.0.0.1", echo));
    LocalProxy source = proxy(Mode.SOURCE, null, new ServiceMapping("", null, 0));
    CompletableFuture.allOf(destination.ready(), source.ready()).get(5, TimeUnit.SECONDS);

    long[] crcs = roundTrip(source.port(), 100_000, 7);

    assertThat(crcs[1]).isEqualTo(crcs[0]);
    Message start = relay.forwarded().get(0);
    assertThat(start.getType()).isEqualTo(Message.Type.STREAM_START);
    assertThat(start.getStreamId()).isEqualTo(1);
    assertThat(start.getServiceId()).isEmpty();
    assertThat(start.getConnectionId()).isZero();
  }

  @Test
  void destinationServiceRefuses_sourceConnectionIsReset() throws Exception {
    LocalProxy destination =
        proxy(Mode.DESTINATION, null, new ServiceMapping("ECHO", "127.0.0.1", freePort()));
    LocalProxy source = proxy(Mode.SOURCE, null, new ServiceMapping("ECHO", null, 0));
    CompletableFuture.allOf(destination.ready(), source.ready()).get(5, TimeUnit.SECONDS);

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), source.port("ECHO"))) {
      socket.setSoTimeout(5_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }

    assertThat(relay.forwarded())
        .extracting(Message::getType)
        .containsExactly(Message.Type.STREAM_START, Message.Type.CONNECTION_RESET);
    Message reset = relay.forwarded().get(1);
    assertThat(reset.getStreamId()).isEqualTo(1);
    assertThat(reset.getConnectionId()).isEqualTo(1);
    assertThat(reset.getServiceId()).isEqualTo("ECHO");
  }

  @Test
  void serviceIdsMismatch_stopsTheProxyWithAnError() {
    LocalProxy source = proxy(Mode.SOURCE, null, new ServiceMapping("SSH", null, 0));

    assertThatThrownBy(() -> source.completion().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(LocalProxyException.class)
        .hasMessageContaining("[ECHO]")
        .hasMessageContaining("[SSH]");
    assertThat(source.ready()).isCompletedExceptionally();
  }

  @Test
  void unauthorizedHandshake_failsWithoutRetrying() {
    relay.refuseNext(HttpResponseStatus.UNAUTHORIZED, HttpResponseStatus.UNAUTHORIZED);
    LocalProxy source = proxy(Mode.SOURCE, CLIENT_TOKEN, new ServiceMapping("ECHO", null, 0));

    assertThatThrownBy(() -> source.completion().get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(LocalProxyException.class)
        .satisfies(e -> assertThat(((LocalProxyException) e).status()).isEqualTo(401));
    // The proxy's event loop has terminated once completion() is done: no retry can follow.
    assertThat(relay.handshakes("source")).isEqualTo(1);
  }

  @Test
  void unavailableRelay_isRetried() throws Exception {
    relay.refuseNext(
        HttpResponseStatus.SERVICE_UNAVAILABLE, HttpResponseStatus.INTERNAL_SERVER_ERROR);
    LocalProxy source = proxy(Mode.SOURCE, null, new ServiceMapping("ECHO", null, 0));

    source.ready().get(5, TimeUnit.SECONDS);

    assertThat(relay.handshakes("source")).isEqualTo(3);
  }

  @Test
  void droppedWebSocket_withClientToken_reconnectsAndCarriesNewConnections() throws Exception {
    int echo = echoServer();
    LocalProxy destination =
        proxy(Mode.DESTINATION, null, new ServiceMapping("ECHO", "127.0.0.1", echo));
    LocalProxy source = proxy(Mode.SOURCE, CLIENT_TOKEN, new ServiceMapping("ECHO", null, 0));
    CompletableFuture.allOf(destination.ready(), source.ready()).get(5, TimeUnit.SECONDS);
    int port = source.port("ECHO");

    relay.drop("source");
    await().atMost(Duration.ofSeconds(5)).until(() -> relay.handshakes("source") == 2);
    await().atMost(Duration.ofSeconds(5)).until(() -> relay.connected("source"));

    long[] crcs = roundTrip(port, 200_000, 3);
    assertThat(crcs[1]).isEqualTo(crcs[0]);
    assertThat(source.completion()).isNotDone();
    assertThat(relay.requests())
        .anySatisfy(h -> assertThat(h).containsEntry("client-token", CLIENT_TOKEN));
  }

  @Test
  void droppedWebSocket_withoutClientToken_endsTheProxy() throws Exception {
    LocalProxy source = proxy(Mode.SOURCE, null, new ServiceMapping("ECHO", null, 0));
    source.ready().get(5, TimeUnit.SECONDS);

    relay.drop("source");

    assertThatThrownBy(() -> source.completion().get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(LocalProxyException.class)
        .hasMessageContaining("client token");
    assertThat(relay.handshakes("source")).isEqualTo(1);
  }

  @Test
  void untrustedRelayCertificate_isNotAccepted() throws Exception {
    LocalProxy source =
        LocalProxy.start(
            LocalProxyConfig.of(
                    Mode.SOURCE,
                    "localhost",
                    relay.port(),
                    "token",
                    null,
                    List.of(new ServiceMapping("ECHO", null, 0)),
                    null)
                .withRetryDelay(FAST_RETRY));
    resources.add(source);

    assertThatThrownBy(() -> source.ready().get(1, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat(relay.handshakes("source")).isZero();
  }
}
