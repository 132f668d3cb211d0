package dev.lamplighter.agent.localproxy;

import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local proxy's command-line options as given, with AWS's names; {@link #toConfig} checks them
 * and fills in what the environment provides. Every field may be {@code null} (not given).
 *
 * @param proxyEndpoint {@code -e HOST[:PORT]} (port 443 when omitted)
 * @param sourceListenPorts {@code -s}
 * @param destinationApp {@code -d}
 * @param accessToken {@code -t}, else {@value #ACCESS_TOKEN_ENV}
 * @param clientToken {@code -i}, else {@value #CLIENT_TOKEN_ENV}
 * @param capath {@code -c}
 * @param bindAddress {@code -b}
 */
public record LocalProxyOptions(
    String proxyEndpoint,
    String sourceListenPorts,
    String destinationApp,
    String accessToken,
    String clientToken,
    String capath,
    String bindAddress) {

  public static final String ACCESS_TOKEN_ENV = "AWSIOT_TUNNEL_ACCESS_TOKEN";
  public static final String CLIENT_TOKEN_ENV = "AWSIOT_TUNNEL_CLIENT_TOKEN";

  /**
   * The configuration these options describe.
   *
   * @param env the process environment (tokens may come from it)
   * @throws IllegalArgumentException with a message naming the bad option
   */
  public LocalProxyConfig toConfig(Map<String, String> env) {
    if (proxyEndpoint == null || proxyEndpoint.isBlank()) {
      throw new IllegalArgumentException("-e/--proxy-endpoint is required");
    }
    boolean source = sourceListenPorts != null;
    boolean destination = destinationApp != null;
    if (source == destination) {
      throw new IllegalArgumentException(
          "give exactly one of -s/--source-listen-port and -d/--destination-app");
    }
    String host = proxyEndpoint.trim();
    int port = 443;
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && host.indexOf(']') < colon) {
      String portText = host.substring(colon + 1);
      host = host.substring(0, colon);
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "-e/--proxy-endpoint has no valid port: '" + proxyEndpoint + "'");
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String token = firstGiven(accessToken, env.get(ACCESS_TOKEN_ENV));
    String client = firstGiven(clientToken, env.get(CLIENT_TOKEN_ENV));
    Path ca = null;
    if (capath != null) {
      ca = Path.of(capath);
      if (!Files.isReadable(ca)) {
        throw new IllegalArgumentException("-c/--capath: cannot read " + capath);
      }
    }
    return new LocalProxyConfig(
        source ? Mode.SOURCE : Mode.DESTINATION,
        host,
        port,
        token,
        client,
        source
            ? ServiceMapping.parseSourcePorts(sourceListenPorts)
            : ServiceMapping.parseDestinationApps(destinationApp),
        ca,
        bindAddress == null ? LocalProxyConfig.DEFAULT_BIND_ADDRESS : bindAddress,
        LocalProxyConfig.DEFAULT_RETRY_DELAY,
        LocalProxyConfig.DEFAULT_PING_INTERVAL);
  }

  private static String firstGiven(String flag, String env) {
    if (flag != null) {
      return flag;
    }
    return env == null || env.isEmpty() ? null : env;
  }
}
