package dev.lamplighter.agent.localproxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything a {@link LocalProxy} needs, validated. Build it from the command line's options with
 * {@link LocalProxyOptions#toConfig}, or directly (tests, benchmarks).
 *
 * @param mode source (listens locally) or destination (connects locally)
 * @param endpointHost the relay's host: TLS server name and name to verify
 * @param endpointPort the relay's port
 * @param accessToken the client access token sent as {@code access-token}
 * @param clientToken the optional {@code client-token}; {@code null} when none. With one, the proxy
 *     reconnects after a dropped connection; without one, the access token is spent on the first
 *     connection and a drop ends the proxy
 * @param services the {@code -s} or {@code -d} entries, in order
 * @param caPath a PEM file or a directory of PEM files whose CA certificates are trusted in
 *     addition to the JDK's; {@code null} for the JDK's trust store alone
 * @param bindAddress the address source listeners bind to
 * @param retryDelay the pause before connecting again after a failure or a drop
 * @param pingInterval how often to ping the relay
 */
public record LocalProxyConfig(
    Mode mode,
    String endpointHost,
    int endpointPort,
    String accessToken,
    String clientToken,
    List<ServiceMapping> services,
    Path caPath,
    String bindAddress,
    Duration retryDelay,
    Duration pingInterval) {

  /** The client token's format, as the relay checks it. */
  public static final Pattern CLIENT_TOKEN = Pattern.compile("^[a-zA-Z0-9-]{32,128}$");

  /** AWS's local proxy retries every 2.5 seconds. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(2_500);

  /** AWS's local proxy pings every 20 seconds. */
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);

  /** Source listeners bind here unless told otherwise. */
  public static final String DEFAULT_BIND_ADDRESS = "localhost";

  /** Which side of the tunnel this proxy is. */
  public enum Mode {
    SOURCE,
    DESTINATION;

    /** The {@code local-proxy-mode} query value. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public LocalProxyConfig {
    require(mode != null, "the mode (-s or -d) is missing");
    require(endpointHost != null && !endpointHost.isBlank(), "-e/--proxy-endpoint has no host");
    require(endpointPort > 0 && endpointPort <= 65_535, "-e/--proxy-endpoint port out of range");
    require(
        accessToken != null && !accessToken.isBlank(),
        "no access token: give -t/--access-token or set AWSIOT_TUNNEL_ACCESS_TOKEN");
    require(
        clientToken == null || CLIENT_TOKEN.matcher(clientToken).matches(),
        "-i/--client-token must be 32 to 128 letters, digits or dashes");
    require(services != null && !services.isEmpty(), "no services (-s or -d) given");
    services = List.copyOf(services);
    for (ServiceMapping service : services) {
      require(
          (mode == Mode.DESTINATION) == (service.host() != null),
          "destination entries have a host and source entries none: " + service);
    }
    require(bindAddress != null && !bindAddress.isBlank(), "-b/--bind-address is empty");
    require(retryDelay != null && !retryDelay.isNegative(), "retryDelay must not be negative");
    require(
        pingInterval != null && !pingInterval.isNegative() && !pingInterval.isZero(),
        "pingInterval must be positive");
  }

  /** A configuration with the defaults for bind address, retry delay and ping interval. */
  public static LocalProxyConfig of(
      Mode mode,
      String endpointHost,
      int endpointPort,
      String accessToken,
      String clientToken,
      List<ServiceMapping> services,
      Path caPath) {
    return new LocalProxyConfig(
        mode,
        endpointHost,
        endpointPort,
        accessToken,
        clientToken,
        services,
        caPath,
        DEFAULT_BIND_ADDRESS,
        DEFAULT_RETRY_DELAY,
        DEFAULT_PING_INTERVAL);
  }

  /** This configuration with another retry delay. */
  public LocalProxyConfig withRetryDelay(Duration delay) {
    return new LocalProxyConfig(
        mode,
        endpointHost,
        endpointPort,
        accessToken,
        clientToken,
        services,
        caPath,
        bindAddress,
        delay,
        pingInterval);
  }

  /** This configuration with another ping interval. */
  public LocalProxyConfig withPingInterval(Duration interval) {
    return new LocalProxyConfig(
        mode,
        endpointHost,
        endpointPort,
        accessToken,
        clientToken,
        services,
        caPath,
        bindAddress,
        retryDelay,
        interval);
  }

  @Override
  public String toString() {
    return "LocalProxyConfig[mode="
        + mode
        + ", endpoint="
        + endpointHost
        + ":"
        + endpointPort
        + ", clientToken="
        + (clientToken == null ? "none" : "set")
        + ", services="
        + services
        + ", caPath="
        + caPath
        + ", bindAddress="
        + bindAddress
        + "]";
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
