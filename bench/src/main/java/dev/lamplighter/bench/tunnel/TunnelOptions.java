package dev.lamplighter.bench.tunnel;

import dev.lamplighter.bench.CommandLines;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The tunnel suite's command line.
 *
 * @param target the server's API URL
 * @param dataPort the server's data-plane port (the relay)
 * @param warmupSeconds how long both paths carry bytes before the throughput rounds
 * @param mebibytes bytes each way of the throughput runs, in MiB
 * @param rounds measured throughput rounds of each path
 * @param samples round trips of the latency runs, after as many again for warm-up
 * @param tunnels tunnels connected at once in the many-tunnels run
 * @param mebibytesPerTunnel bytes each way through each of the many tunnels, in MiB
 * @param targetPid the server's process, whose memory and CPU are read when given
 */
record TunnelOptions(
    URI target,
    int dataPort,
    int warmupSeconds,
    int mebibytes,
    int rounds,
    int samples,
    int tunnels,
    int mebibytesPerTunnel,
    OptionalLong targetPid) {

  static final String USAGE =
      "usage: TunnelBench URL DATA_PORT [--warmup S] [--mib N] [--rounds N] [--samples N] [--tunnels N]"
          + " [--mib-per-tunnel N] [--target-pid PID]";

  private static final Set<String> OPTIONS =
      Set.of(
          "--warmup",
          "--mib",
          "--rounds",
          "--samples",
          "--tunnels",
          "--mib-per-tunnel",
          "--target-pid");

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  static TunnelOptions parse(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException(USAGE);
    }
    Map<String, String> options = CommandLines.options(args, 2, OPTIONS, USAGE);
    return new TunnelOptions(
        URI.create(args[0]),
        CommandLines.positive("DATA_PORT", args[1]),
        CommandLines.positive(options, "--warmup", 15),
        CommandLines.positive(options, "--mib", 64),
        CommandLines.positive(options, "--rounds", 3),
        CommandLines.positive(options, "--samples", 5_000),
        CommandLines.positive(options, "--tunnels", 100),
        CommandLines.positive(options, "--mib-per-tunnel", 1),
        options.containsKey("--target-pid")
            ? OptionalLong.of(CommandLines.positive(options, "--target-pid", 1))
            : OptionalLong.empty());
  }
}
