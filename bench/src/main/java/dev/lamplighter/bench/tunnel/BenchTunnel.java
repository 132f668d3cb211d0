package dev.lamplighter.bench.tunnel;

import dev.lamplighter.agent.localproxy.LocalProxy;
import dev.lamplighter.agent.localproxy.LocalProxyConfig;
import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import dev.lamplighter.agent.localproxy.ServiceMapping;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.iotsecuretunneling.IoTSecureTunnelingClient;
import software.amazon.awssdk.services.iotsecuretunneling.model.OpenTunnelResponse;

/**
 * One open tunnel with its two local proxies in this process: the destination forwards the service
 * ECHO to the echo service, the source listens for it on a free local port.
 */
final class BenchTunnel implements AutoCloseable {
  static final String SERVICE = "ECHO";

  private final LocalProxy destination;
  private final LocalProxy source;

  private BenchTunnel(LocalProxy destination, LocalProxy source) {
    this.destination = destination;
    this.source = source;
  }

  /** Opens a tunnel and starts its proxies; {@link #awaitReady} waits for them. */
  static BenchTunnel open(
      IoTSecureTunnelingClient api, int dataPort, int echoPort, Path rootCa, String thing) {
    OpenTunnelResponse opened =
        api.openTunnel(b -> b.destinationConfig(d -> d.thingName(thing).services(SERVICE)));
    LocalProxy destination =
        LocalProxy.start(
            LocalProxyConfig.of(
                Mode.DESTINATION,
                "localhost",
                dataPort,
                opened.destinationAccessToken(),
                null,
                ServiceMapping.parseDestinationApps(SERVICE + "=127.0.0.1:" + echoPort),
                rootCa));
    LocalProxy source =
        LocalProxy.start(
            LocalProxyConfig.of(
                Mode.SOURCE,
                "localhost",
                dataPort,
                opened.sourceAccessToken(),
                null,
                ServiceMapping.parseSourcePorts(SERVICE + "=0"),
                rootCa));
    return new BenchTunnel(destination, source);
  }

  BenchTunnel awaitReady() throws Exception {
    destination.ready().get(60, TimeUnit.SECONDS);
    source.ready().get(60, TimeUnit.SECONDS);
    return this;
  }

  /** The source's local port: connecting to it reaches the echo service through the tunnel. */
  int port() {
    return source.port(SERVICE);
  }

  @Override
  public void close() {
    source.close();
    destination.close();
  }
}
