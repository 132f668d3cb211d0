package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.agent.localproxy.LocalProxy;
import dev.lamplighter.agent.localproxy.LocalProxyConfig;
import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import dev.lamplighter.agent.localproxy.ServiceMapping;
import dev.lamplighter.testkit.DeviceTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iotsecuretunneling.IoTSecureTunnelingClient;
import software.amazon.awssdk.services.iotsecuretunneling.model.OpenTunnelResponse;

/**
 * Clients that break the tunnel protocol, driven with the JDK's own WebSocket client: the relay
 * refuses bad upgrades with the status the protocol gives, drops a client that sends text or
 * garbage, and a tunnel whose peer never reads holds up nobody else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TunnelRelayBadInputIT {
  private static final String V3 = "aws.iot.securetunneling-3.0";

  private TestServer server;
  private IoTSecureTunnelingClient tunneling;
  private HttpClient https;
  private TcpEcho echo;
  private Path rootCa;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start();
    tunneling = server.tunneling();
    MqttDevices devices = new MqttDevices(server);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, DeviceTls.trustManager(devices.rootCaPem()).getTrustManagers(), null);
    https = HttpClient.newBuilder().sslContext(tls).build();
    echo = new TcpEcho();
    rootCa = Files.createTempFile("root-ca", ".pem");
    Files.writeString(rootCa, devices.rootCaPem());
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    opened.clear();
  }

  @AfterAll
  void stop() throws IOException {
    echo.close();
    tunneling.close();
    server.close();
    Files.deleteIfExists(rootCa);
  }

  private URI tunnelUri(String mode) {
    return URI.create(
        "wss://localhost:" + server.server().dataPort() + "/tunnel?local-proxy-mode=" + mode);
  }

  /** A raw client's view of its connection: what it received and how it ended. */
  private static final class Watcher implements WebSocket.Listener {
    final CompletableFuture<String> ended = new CompletableFuture<>();
    final List<ByteBuffer> received = new ArrayList<>();
    final boolean reads;

    Watcher(boolean reads) {
      this.reads = reads;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(reads ? Long.MAX_VALUE : 1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      synchronized (received) {
        received.add(ByteBuffer.allocate(data.remaining()).put(data).flip());
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      ended.complete("close " + statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      ended.complete("error " + error);
    }
  }

  private WebSocket connect(String mode, String token, Watcher watcher) throws Exception {
    WebSocket socket =
        https
            .newWebSocketBuilder()
            .header("access-token", token)
            .subprotocols(V3)
            .buildAsync(tunnelUri(mode), watcher)
            .get(20, TimeUnit.SECONDS);
    opened.add(() -> socket.abort());
    return socket;
  }

  private int refusedStatus(WebSocket.Builder builder, String mode) {
    try {
      builder.buildAsync(tunnelUri(mode), new Watcher(true)).join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      WebSocketHandshakeException refused = (WebSocketHandshakeException) e.getCause();
      assertThat(refused.getResponse().headers().firstValue("channel-id")).isPresent();
      return refused.getResponse().statusCode();
    }
    throw new AssertionError("the upgrade was accepted");
  }

  private LocalProxy proxy(Mode mode, String token) throws Exception {
    List<ServiceMapping> services =
        mode == Mode.SOURCE
            ? ServiceMapping.parseSourcePorts("ECHO=0")
            : ServiceMapping.parseDestinationApps("ECHO=127.0.0.1:" + echo.port());
    LocalProxy proxy =
        LocalProxy.start(
            LocalProxyConfig.of(
                mode, "localhost", server.server().dataPort(), token, null, services, rootCa));
    opened.add(proxy);
    proxy.ready().get(20, TimeUnit.SECONDS);
    return proxy;
  }

  private OpenTunnelResponse open() {
    return tunneling.openTunnel(
        b -> b.destinationConfig(d -> d.thingName("lamp").services("ECHO")));
  }

  /** A working tunnel carried by two local proxies: its source proxy. */
  private LocalProxy workingTunnel() throws Exception {
    OpenTunnelResponse tunnel = open();
    proxy(Mode.DESTINATION, tunnel.destinationAccessToken());
    return proxy(Mode.SOURCE, tunnel.sourceAccessToken());
  }

  private static void assertEchoes(LocalProxy source) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), source.port("ECHO"))) {
      socket.setSoTimeout(10_000);
      byte[] hello = "still here".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      socket.getOutputStream().write(hello);
      assertThat(socket.getInputStream().readNBytes(hello.length)).isEqualTo(hello);
    }
  }

  @Test
  void badUpgrades_areRefused_withTheProtocolsStatuses() {
    String token = open().destinationAccessToken();

    assertThat(
            refusedStatus(https.newWebSocketBuilder().header("access-token", token), "destination"))
        .as("no tunneling subprotocol")
        .isEqualTo(400);
    assertThat(
            refusedStatus(
                https.newWebSocketBuilder().header("access-token", token).subprotocols(V3),
                "sideways"))
        .as("unknown mode")
        .isEqualTo(400);
    assertThat(
            refusedStatus(
                https.newWebSocketBuilder().header("access-token", "not-a-token").subprotocols(V3),
                "destination"))
        .as("unknown token")
        .isEqualTo(401);
    assertThat(
            refusedStatus(
                https.newWebSocketBuilder().header("access-token", token).subprotocols(V3),
                "source"))
        .as("the destination's token in source mode")
        .isEqualTo(403);
  }

  @Test
  void aTextFrame_orGarbage_dropsThatClient_andOtherTunnelsGoOn() throws Exception {
    LocalProxy other = workingTunnel();
    OpenTunnelResponse victim = open();
    Watcher texting = new Watcher(true);
    WebSocket textClient = connect("destination", victim.destinationAccessToken(), texting);
    Watcher garbling = new Watcher(true);
    WebSocket garbageClient = connect("source", victim.sourceAccessToken(), garbling);

    textClient.sendText("hello relay", true);
    garbageClient.sendBinary(ByteBuffer.wrap(new byte[] {0, 3, (byte) 0xff, (byte) 0xff, 1}), true);

    assertThat(texting.ended.get(10, TimeUnit.SECONDS)).isNotEmpty();
    assertThat(garbling.ended.get(10, TimeUnit.SECONDS)).isNotEmpty();
    assertEchoes(other);
  }

  @Test
  void eachClient_isSentTheTunnelsServicesFirst() throws Exception {
    Watcher watcher = new Watcher(true);
    connect("destination", open().destinationAccessToken(), watcher);

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !watcher.received.isEmpty());
    byte[] first;
    synchronized (watcher.received) {
      ByteBuffer buffer = watcher.received.get(0);
      first = new byte[buffer.remaining()];
      buffer.get(first);
    }
    // SERVICE_IDS ["ECHO"]: length 8, type 5, field 6 "ECHO".
    assertThat(first).containsExactly(0, 8, 0x08, 0x05, 0x32, 0x04, 'E', 'C', 'H', 'O');
  }

  @Test
  void aPeerThatNeverReads_holdsUpOnlyItsOwnTunnel() throws Exception {
    LocalProxy other = workingTunnel();
    OpenTunnelResponse stuck = open();
    connect("destination", stuck.destinationAccessToken(), new Watcher(false));
    LocalProxy stuckSource = proxy(Mode.SOURCE, stuck.sourceAccessToken());

    Socket flood = new Socket(InetAddress.getLoopbackAddress(), stuckSource.port("ECHO"));
    opened.add(flood);
    AtomicLong written = new AtomicLong();
    CompletableFuture.runAsync(
        () -> {
          try {
            OutputStream out = flood.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            while (true) {
              out.write(chunk);
              written.addAndGet(chunk.length);
            }
          } catch (IOException closed) {
            // The test closes the socket when it is done.
          }
        });

    // The relay stops reading the source when the stuck peer's buffer is full, so what the flood
    // gets rid of levels off at the buffers on the way instead of growing with the relay's memory.
    Thread.sleep(3_000);
    long levelled = written.get();
    Thread.sleep(2_000);
    assertThat(written.get()).isEqualTo(levelled).isLessThan(64L * 1024 * 1024);
    for (int i = 0; i < 5; i++) {
      assertEchoes(other);
    }
  }

  @Test
  void aWebSocketFrameOverTheLimit_dropsThatClient() throws Exception {
    Watcher watcher = new Watcher(true);
    WebSocket client = connect("destination", open().destinationAccessToken(), watcher);

    client.sendBinary(ByteBuffer.allocate(200_000), true);

    assertThat(watcher.ended.get(10, TimeUnit.SECONDS)).isNotEmpty();
  }

  @Test
  void peersOnDifferentProtocolVersions_arePaired() throws Exception {
    OpenTunnelResponse tunnel = open();
    Watcher v1 = new Watcher(true);
    WebSocket destination =
        https
            .newWebSocketBuilder()
            .header("access-token", tunnel.destinationAccessToken())
            .subprotocols("aws.iot.securetunneling-1.0")
            .buildAsync(tunnelUri("destination"), v1)
            .get(20, TimeUnit.SECONDS);
    opened.add(destination::abort);
    LocalProxy source = proxy(Mode.SOURCE, tunnel.sourceAccessToken());

    try (Socket app = new Socket(InetAddress.getLoopbackAddress(), source.port("ECHO"))) {
      app.getOutputStream().write('x');
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> received(v1).length > 10 + 2);
    }
    assertThat(destination.getSubprotocol()).isEqualTo("aws.iot.securetunneling-1.0");
    byte[] bytes = received(v1);
    // After SERVICE_IDS (10 bytes): the version-3 source's STREAM_START, type 2, stream 1.
    assertThat(bytes[12]).isEqualTo((byte) 0x08);
    assertThat(bytes[13]).isEqualTo((byte) 0x02);
    assertThat(bytes[14]).isEqualTo((byte) 0x10);
    assertThat(bytes[15]).isEqualTo((byte) 0x01);
  }

  private static byte[] received(Watcher watcher) {
    synchronized (watcher.received) {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      for (ByteBuffer buffer : watcher.received) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        all.writeBytes(bytes);
      }
      return all.toByteArray();
    }
  }

  @Test
  void aSecondClientForASide_replacesTheFirst() throws Exception {
    OpenTunnelResponse tunnel =
        tunneling.openTunnel(b -> b.destinationConfig(d -> d.thingName("lamp").services("ECHO")));
    String clientToken = "replacing-client-0123456789abcdef0123";
    Watcher first = new Watcher(true);
    WebSocket firstSocket =
        https
            .newWebSocketBuilder()
            .header("access-token", tunnel.destinationAccessToken())
            .header("client-token", clientToken)
            .subprotocols(V3)
            .buildAsync(tunnelUri("destination"), first)
            .get(20, TimeUnit.SECONDS);
    opened.add(firstSocket::abort);

    WebSocket second =
        https
            .newWebSocketBuilder()
            .header("access-token", tunnel.destinationAccessToken())
            .header("client-token", clientToken)
            .subprotocols(V3)
            .buildAsync(tunnelUri("destination"), new Watcher(true))
            .get(20, TimeUnit.SECONDS);
    opened.add(second::abort);

    assertThat(first.ended.get(10, TimeUnit.SECONDS)).isNotEmpty();
    second.sendPing(ByteBuffer.wrap(new byte[] {1})).get(5, TimeUnit.SECONDS);
    assertThat(second.isInputClosed()).as("the second client stays connected").isFalse();
  }
}
