package dev.lamplighter.server.cli;

import dev.lamplighter.agent.localproxy.LocalProxy;
import dev.lamplighter.agent.localproxy.LocalProxyConfig;
import dev.lamplighter.agent.localproxy.LocalProxyOptions;
import dev.lamplighter.core.SuppressForbidden;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lamplighter localproxy}: the secure-tunneling local proxy, with the options of AWS's
 * {@code localproxy} v3. Parses, starts {@link LocalProxy} and waits for it to stop.
 */
@Command(
    name = "localproxy",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a secure-tunneling local proxy, compatible with AWS's localproxy v3, until it is"
          + " interrupted. In source mode (-s) it listens on local ports and carries each"
          + " connection through the tunnel; in destination mode (-d) it connects to local"
          + " services when the source asks. Tokens may also come from"
          + " AWSIOT_TUNNEL_ACCESS_TOKEN and AWSIOT_TUNNEL_CLIENT_TOKEN.",
      "Exits 1 when the relay refuses the connection (4xx) or the tunnel's services do not"
          + " match."
    },
    sortOptions = false,
    footer = {
      "",
      "Examples:",
      "  1. Source for one SSH service: connect with 'ssh -p 5555 user@localhost':",
      "       lamplighter localproxy -e relay.example:8443 -s 5555 -t \"$TOKEN\"",
      "  2. Destination on the device, forwarding the service SSH1 to the local sshd:",
      "       lamplighter localproxy -e relay.example:8443 -d SSH1=22 -t \"$TOKEN\"",
      "  3. Two services, a private CA, and a client token so that the proxy may reconnect:",
      "       AWSIOT_TUNNEL_ACCESS_TOKEN=... lamplighter localproxy -e relay.example:8443 \\",
      "         -d SSH1=22,RDP=10.0.0.5:3389 -c /etc/lamplighter/ca.pem \\",
      "         -i 0123456789abcdef0123456789abcdef",
      "  4. Source listening on every interface:",
      "       lamplighter localproxy -e relay.example:8443 -s SSH1=5555 -b 0.0.0.0 -t ..."
    })
final class LocalProxyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-e", "--proxy-endpoint"},
      required = true,
      paramLabel = "HOST:PORT",
      description = "The relay's data-plane endpoint (port 443 when omitted)")
  String endpoint;

  @Option(
      names = {"-s", "--source-listen-port"},
      paramLabel = "[SVC=]PORT[,SVC=PORT...]",
      description = "Source mode: the local port of each service")
  List<String> sourcePorts;

  @Option(
      names = {"-d", "--destination-app"},
      paramLabel = "[SVC=][HOST:]PORT[,...]",
      description = "Destination mode: where each service's connections go (host: localhost)")
  List<String> destinationApps;

  @Option(
      names = {"-t", "--access-token"},
      paramLabel = "TOKEN",
      description = "The client access token (else AWSIOT_TUNNEL_ACCESS_TOKEN)")
  String accessToken;

  @Option(
      names = {"-i", "--client-token"},
      paramLabel = "TOKEN",
      description =
          "A client token, 32-128 letters, digits or dashes (else AWSIOT_TUNNEL_CLIENT_TOKEN);"
              + " lets the proxy reconnect with the same access token")
  String clientToken;

  @Option(
      names = {"-c", "--capath"},
      paramLabel = "PATH",
      description = "A PEM file or a directory of PEM CA certificates to trust besides the JDK's")
  String capath;

  @Option(
      names = {"-b", "--bind-address"},
      paramLabel = "ADDRESS",
      description = "The address source listeners bind to (default: localhost)")
  String bindAddress;

  @Option(
      names = {"-v", "--verbose"},
      paramLabel = "LEVEL",
      arity = "0..1",
      description = "Accepted for compatibility with AWS's localproxy; logging is set by logback")
  String verbosity;

  @Override
  @SuppressForbidden(reason = "command output")
  public Integer call() throws InterruptedException {
    LocalProxyConfig config;
    try {
      config =
          new LocalProxyOptions(
                  endpoint,
                  join(sourcePorts),
                  join(destinationApps),
                  accessToken,
                  clientToken,
                  capath,
                  bindAddress)
              .toConfig(System.getenv());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("lamplighter localproxy: " + e.getMessage());
      return 2;
    }
    LocalProxy proxy;
    try {
      proxy = LocalProxy.start(config);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("lamplighter localproxy: " + e.getMessage());
      return 2;
    }
    Thread hook = new Thread(proxy::close, "localproxy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      proxy.completion().get();
      return 0;
    } catch (ExecutionException e) {
      spec.commandLine().getErr().println("lamplighter localproxy: " + e.getCause().getMessage());
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running.
      }
    }
  }

  private static String join(List<String> values) {
    return values == null ? null : String.join(",", values);
  }
}
