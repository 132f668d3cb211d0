package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.lamplighter.agent.localproxy.LocalProxy;
import dev.lamplighter.agent.localproxy.LocalProxyConfig;
import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import dev.lamplighter.agent.localproxy.LocalProxyException;
import dev.lamplighter.agent.localproxy.ServiceMapping;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iotsecuretunneling.IoTSecureTunnelingClient;
import software.amazon.awssdk.services.iotsecuretunneling.model.ClientMode;
import software.amazon.awssdk.services.iotsecuretunneling.model.ConnectionStatus;
import software.amazon.awssdk.services.iotsecuretunneling.model.OpenTunnelResponse;
import software.amazon.awssdk.services.iotsecuretunneling.model.Tunnel;

/**
 * Tunnels end to end: the API opens a tunnel, the device hears of its token over MQTT, and two
 * {@code lamplighter localproxy} instances carry TCP connections through the relay on the
 * data-plane port to a local service, until a rotation, a close or the end of the lifetime drops
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TunnelRelayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIB = 1024 * 1024;

  private TestServer server;
  private IoTSecureTunnelingClient tunneling;
  private MqttDevices devices;
  private TcpEcho echo;
  private Path rootCa;
  private final List<LocalProxy> proxies = new ArrayList<>();

  @BeforeAll
  void start() throws IOException {
    server = TestServer.start();
    tunneling = server.tunneling();
    devices = new MqttDevices(server);
    echo = new TcpEcho();
    rootCa = Files.createTempFile("root-ca", ".pem");
    Files.writeString(rootCa, devices.rootCaPem());
  }

  @AfterEach
  void closeProxies() {
    proxies.forEach(LocalProxy::close);
    proxies.clear();
    server.clock.reset();
  }

  @AfterAll
  void stop() throws IOException {
    echo.close();
    tunneling.close();
    server.close();
    Files.deleteIfExists(rootCa);
  }

  private LocalProxy proxy(Mode mode, String token, String clientToken) {
    List<ServiceMapping> services =
        mode == Mode.SOURCE
            ? ServiceMapping.parseSourcePorts("ECHO=0")
            : ServiceMapping.parseDestinationApps("ECHO=127.0.0.1:" + echo.port());
    LocalProxy proxy =
        LocalProxy.start(
            LocalProxyConfig.of(
                    mode,
                    "localhost",
                    server.server().dataPort(),
                    token,
                    clientToken,
                    services,
                    rootCa)
                .withRetryDelay(Duration.ofMillis(200)));
    proxies.add(proxy);
    return proxy;
  }

  private LocalProxy connected(Mode mode, String token) throws Exception {
    LocalProxy proxy = proxy(mode, token, null);
    proxy.ready().get(20, TimeUnit.SECONDS);
    return proxy;
  }

  private OpenTunnelResponse open(String thing) {
    return tunneling.openTunnel(b -> b.destinationConfig(d -> d.thingName(thing).services("ECHO")));
  }

  private Tunnel describe(String tunnelId) {
    return tunneling.describeTunnel(b -> b.tunnelId(tunnelId)).tunnel();
  }

  private Socket dial(LocalProxy source) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), source.port("ECHO"));
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Sends {@code bytes} of random data and reads them back; returns both CRCs. */
  private static long[] roundTrip(Socket socket, int bytes, long seed) throws Exception {
    CompletableFuture<Long> sent =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                Random random = new Random(seed);
                CRC32 crc = new CRC32();
                byte[] chunk = new byte[60_000];
                for (int left = bytes; left > 0; left -= chunk.length) {
                  random.nextBytes(chunk);
                  int n = Math.min(left, chunk.length);
                  crc.update(chunk, 0, n);
                  out.write(chunk, 0, n);
                }
                out.flush();
                return crc.getValue();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    InputStream in = socket.getInputStream();
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[64 * 1024];
    int received = 0;
    while (received < bytes) {
      int n = in.read(buffer, 0, Math.min(buffer.length, bytes - received));
      assertThat(n).as("bytes echoed before the end").isPositive();
      crc.update(buffer, 0, n);
      received += n;
    }
    return new long[] {sent.get(60, TimeUnit.SECONDS), crc.getValue()};
  }

  @Test
  void theDevicesNotifiedToken_andTwoLocalProxies_carryTcpBothWays() throws Exception {
    devices.createPolicy("tunnel-notify", Policies.OWN_TUNNEL_NOTIFICATIONS);
    MqttDevices.Device lamp = devices.register("lamp-tunnel", "tunnel-notify");
    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    Mqtt3BlockingClient.Mqtt3Publishes notices =
        device.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL);
    device
        .subscribeWith()
        .topicFilter("$aws/things/lamp-tunnel/tunnels/notify")
        .qos(MqttQos.AT_LEAST_ONCE)
        .send();

    OpenTunnelResponse opened = open("lamp-tunnel");
    Mqtt3Publish notice = notices.receive(10, TimeUnit.SECONDS).orElseThrow();
    JsonNode body = JSON.readTree(notice.getPayloadAsBytes());
    assertThat(body.path("clientAccessToken").asText()).isEqualTo(opened.destinationAccessToken());
    assertThat(body.path("clientMode").asText()).isEqualTo("destination");
    assertThat(body.path("region").asText()).isEqualTo(TestServer.REGION.id());
    assertThat(body.path("services").toString()).isEqualTo("[\"ECHO\"]");
    device.disconnect();

    connected(Mode.DESTINATION, body.path("clientAccessToken").asText());
    LocalProxy source = connected(Mode.SOURCE, opened.sourceAccessToken());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Tunnel tunnel = describe(opened.tunnelId());
              assertThat(tunnel.sourceConnectionState().status())
                  .isEqualTo(ConnectionStatus.CONNECTED);
              assertThat(tunnel.destinationConnectionState().status())
                  .isEqualTo(ConnectionStatus.CONNECTED);
            });

    // 64 MiB each way on one connection while three more run beside it.
    List<Future<long[]>> transfers = new ArrayList<>();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket socket = dial(source);
      sockets.add(socket);
      int bytes = i == 0 ? 64 * MIB : 4 * MIB;
      long seed = i;
      transfers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return roundTrip(socket, bytes, seed);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    for (Future<long[]> transfer : transfers) {
      long[] crcs = transfer.get(120, TimeUnit.SECONDS);
      assertThat(crcs[1]).isEqualTo(crcs[0]);
    }
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Test
  void rotatingTheDestinationsToken_tellsTheDeviceAgain() throws Exception {
    devices.createPolicy("tunnel-notify-again", Policies.OWN_TUNNEL_NOTIFICATIONS);
    MqttDevices.Device lamp = devices.register("lamp-renotified", "tunnel-notify-again");
    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes notices =
        device.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
      device
          .subscribeWith()
          .topicFilter("$aws/things/lamp-renotified/tunnels/notify")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      OpenTunnelResponse opened = open("lamp-renotified");
      notices.receive(10, TimeUnit.SECONDS).orElseThrow();

      String rotated =
          tunneling
              .rotateTunnelAccessToken(
                  b -> b.tunnelId(opened.tunnelId()).clientMode(ClientMode.ALL))
              .destinationAccessToken();

      JsonNode again =
          JSON.readTree(notices.receive(10, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes());
      assertThat(again.path("clientAccessToken").asText()).isEqualTo(rotated);
    } finally {
      device.disconnect();
    }
  }

  @Test
  void anInteractiveSession_getsEachAnswerBeforeTheNextLine() throws Exception {
    OpenTunnelResponse opened = open("lamp-shell");
    connected(Mode.DESTINATION, opened.destinationAccessToken());
    LocalProxy source = connected(Mode.SOURCE, opened.sourceAccessToken());

    try (Socket shell = dial(source)) {
      DataInputStream in = new DataInputStream(shell.getInputStream());
      for (int i = 0; i < 200; i++) {
        byte[] line = ("ls /var/log/lamp-" + i + "\n").getBytes(StandardCharsets.US_ASCII);
        shell.getOutputStream().write(line);
        byte[] answer = new byte[line.length];
        in.readFully(answer);
        assertThat(answer).isEqualTo(line);
      }
    }
  }

  @Test
  void aSpentToken_isRefused_withoutRetrying() throws Exception {
    OpenTunnelResponse opened = open("lamp-reuse");
    connected(Mode.DESTINATION, opened.destinationAccessToken());

    LocalProxy second = proxy(Mode.DESTINATION, opened.destinationAccessToken(), null);

    assertThat(failure(second).status()).isEqualTo(401);
    LocalProxy wrongMode = proxy(Mode.SOURCE, opened.destinationAccessToken(), null);
    assertThat(failure(wrongMode).status()).isBetween(400, 499);
  }

  @Test
  void aClientToken_letsTheSameClientReconnect() throws Exception {
    OpenTunnelResponse opened = open("lamp-reconnect");
    String clientToken = "lamp-reconnect-0123456789abcdef0123";
    LocalProxy first = proxy(Mode.DESTINATION, opened.destinationAccessToken(), clientToken);
    first.ready().get(20, TimeUnit.SECONDS);
    first.close();

    LocalProxy again = proxy(Mode.DESTINATION, opened.destinationAccessToken(), clientToken);
    again.ready().get(20, TimeUnit.SECONDS);
    LocalProxy stranger =
        proxy(
            Mode.DESTINATION, opened.destinationAccessToken(), "someone-else-0123456789abcdef012");

    assertThat(failure(stranger).status()).isEqualTo(401);
  }

  @Test
  void rotation_dropsTheOldTokensClient_andTheNewTokenWorks() throws Exception {
    OpenTunnelResponse opened = open("lamp-rotated");
    LocalProxy destination = connected(Mode.DESTINATION, opened.destinationAccessToken());
    LocalProxy source = connected(Mode.SOURCE, opened.sourceAccessToken());

    String rotated =
        tunneling
            .rotateTunnelAccessToken(
                b -> b.tunnelId(opened.tunnelId()).clientMode(ClientMode.DESTINATION))
            .destinationAccessToken();

    destination.completion().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
    assertThat(destination.completion()).isCompletedExceptionally();
    assertThat(source.completion()).isNotDone();
    assertThat(rotated).isNotEqualTo(opened.destinationAccessToken());
    connected(Mode.DESTINATION, rotated);
    try (Socket socket = dial(source)) {
      long[] crcs = roundTrip(socket, MIB, 7);
      assertThat(crcs[1]).isEqualTo(crcs[0]);
    }
  }

  @Test
  void closeTunnel_dropsBothClients_andRefusesNewOnes() throws Exception {
    OpenTunnelResponse opened = open("lamp-closed");
    String clientToken = "lamp-closed-0123456789abcdef0123456";
    LocalProxy destination = proxy(Mode.DESTINATION, opened.destinationAccessToken(), clientToken);
    destination.ready().get(20, TimeUnit.SECONDS);
    LocalProxy source = connected(Mode.SOURCE, opened.sourceAccessToken());

    tunneling.closeTunnel(b -> b.tunnelId(opened.tunnelId()));

    source.completion().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
    assertThat(source.completion()).isCompletedExceptionally();
    assertThat(failure(destination).status()).isEqualTo(410);
  }

  @Test
  void theEndOfTheLifetime_dropsBothClients() throws Exception {
    OpenTunnelResponse opened =
        tunneling.openTunnel(
            b ->
                b.destinationConfig(d -> d.thingName("lamp-expiring").services("ECHO"))
                    .timeoutConfig(t -> t.maxLifetimeTimeoutMinutes(1)));
    LocalProxy destination = connected(Mode.DESTINATION, opened.destinationAccessToken());
    LocalProxy source = connected(Mode.SOURCE, opened.sourceAccessToken());

    server.clock.advance(Duration.ofSeconds(61));

    for (LocalProxy proxy : List.of(source, destination)) {
      proxy.completion().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
      assertThat(proxy.completion()).isCompletedExceptionally();
    }
    assertThat(describe(opened.tunnelId()).status().toString()).isEqualTo("CLOSED");
  }

  private static LocalProxyException failure(LocalProxy proxy) throws Exception {
    try {
      proxy.completion().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(LocalProxyException.class);
      return (LocalProxyException) e.getCause();
    }
    throw new AssertionError("the proxy was not refused");
  }
}
