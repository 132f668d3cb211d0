package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.TransportIdentity;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections an embedder accepts on a listener of its own and hands to the broker with {@link
 * MqttBroker#serve}: the authenticator sees the identity the embedder attached (and no
 * certificates), and they share namespaces, sessions and routing with the broker's own listener.
 */
class EstablishedChannelTest {
  /** What the embedder's transport established: here, a namespace handed out by its listener. */
  record Ticket(String namespace) implements TransportIdentity {}

  private final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
  private final TestBroker broker =
      TestBroker.plain(
          request -> {
            requests.add(request);
            if (request.transportIdentity() instanceof Ticket ticket) {
              return Authentication.accepted(
                  ticket.namespace(), "ticket", ConnectionAuthority.allowAll());
            }
            if (request.username() == null) {
              return Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, "no user name");
            }
            return Authentication.accepted(
                request.username(), "user", ConnectionAuthority.allowAll());
          });
  private final EventLoopGroup embedderLoops =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel embedderListener =
      new ServerBootstrap()
          .group(embedderLoops)
          .channel(NioServerSocketChannel.class)
          .childHandler(
              new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                  // The embedder's own stages would go here (WebSocket frames to bytes); a plain
                  // socket already carries MQTT's bytes.
                  broker.broker.serve(channel, new Ticket("account-1"));
                }
              })
          .bind(new InetSocketAddress("127.0.0.1", 0))
          .syncUninterruptibly()
          .channel();

  @AfterEach
  void stop() {
    broker.close();
    embedderListener.close().syncUninterruptibly();
    embedderLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private Mqtt3BlockingClient viaEmbedder(String clientId) {
    return Mqtt3Client.builder()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(((InetSocketAddress) embedderListener.localAddress()).getPort())
        .buildBlocking();
  }

  @Test
  void servedChannel_isAuthenticatedByItsTransportIdentity_andMeetsTheBrokersOwnClients() {
    Mqtt3BlockingClient handedOver = viaEmbedder("browser");
    handedOver.connect();
    Mqtt3BlockingClient own = broker.v3("device");
    own.connectWith().simpleAuth().username("account-1").applySimpleAuth().send();

    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        handedOver.publishes(MqttGlobalPublishFilter.ALL)) {
      handedOver.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();
      own.publishWith()
          .topic("lamps/1")
          .payload("on".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      Mqtt3Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("on");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      handedOver.disconnect();
      own.disconnect();
    }

    ConnectRequest request =
        requests.stream().filter(r -> r.clientId().equals("browser")).findFirst().orElseThrow();
    assertThat(request.transportIdentity()).isEqualTo(new Ticket("account-1"));
    assertThat(request.peerCertificates()).isEmpty();
    assertThat(request.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
    assertThat(
            requests.stream()
                .filter(r -> r.clientId().equals("device"))
                .findFirst()
                .orElseThrow()
                .transportIdentity())
        .as("the broker's own listener attaches none")
        .isNull();
  }

  @Test
  void servedChannel_takesOverTheSameClientIdOfTheBrokersOwnListener() {
    Mqtt3BlockingClient own = broker.v3("lamp");
    own.connectWith().simpleAuth().username("account-1").applySimpleAuth().send();

    Mqtt3BlockingClient handedOver = viaEmbedder("lamp");
    handedOver.connect();

    await().atMost(Duration.ofSeconds(5)).until(() -> !own.getState().isConnected());
    assertThat(broker.events).contains("disconnected lamp DUPLICATE_CLIENTID");
    handedOver.disconnect();
  }

  @Test
  void closingTheBroker_closesTheChannelsItWasHanded() {
    Mqtt3BlockingClient handedOver = viaEmbedder("browser");
    handedOver.connect();

    broker.close();

    await().atMost(Duration.ofSeconds(5)).until(() -> !handedOver.getState().isConnected());
  }
}
