package dev.lamplighter.bench.broker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The command line of {@link BrokerBench}.
 *
 * <pre>
 * BrokerBench SCENARIO PORT TLS_DIR [--label NAME] [--round N] [--run ID] [--target-pid PID]
 *             [--publishers N] [--messages N] [--payload BYTES] [--window N] [--subscribers N]
 *             [--connects N] [--concurrency N] [--connections N] [--rate MSGS_PER_S]
 *             [--seconds S] [--warmup S] [--hold-until FILE] [--certificates N]
 * </pre>
 *
 * @param scenario what to measure
 * @param port the broker's MQTT port on 127.0.0.1
 * @param tlsDir the broker's TLS material ({@link DeviceKeys})
 * @param label the broker's name in the result line ({@code lamplighter}, {@code mosquitto})
 * @param round the round of alternating runs, for the result line (0: a warm-up)
 * @param run a run id that keeps client ids of different invocations apart
 * @param targetPid the broker's process, whose CPU time is read before and after, when given
 * @param publishers publishing clients (fan-in, latency)
 * @param messages messages per publisher
 * @param payloadBytes payload size
 * @param window QoS 1 messages in flight end to end (fan-in), or per publisher awaiting PUBACK
 * @param subscribers subscribing clients (fan-out)
 * @param connects connections made and closed (connects)
 * @param concurrency connections being opened at once
 * @param connections idle connections held (idle-footprint)
 * @param rate messages per second over all publishers (latency)
 * @param seconds measured time (latency)
 * @param warmup unrecorded time before it (latency)
 * @param holdUntil the idle scenario keeps its connections until this file exists
 * @param certificates device certificates in the TLS directory, used in turn
 */
record BrokerOptions(
    Scenario scenario,
    int port,
    Path tlsDir,
    String label,
    int round,
    String run,
    OptionalLong targetPid,
    int publishers,
    int messages,
    int payloadBytes,
    int window,
    int subscribers,
    int connects,
    int concurrency,
    int connections,
    double rate,
    double seconds,
    double warmup,
    Optional<Path> holdUntil,
    int certificates) {

  /** What one invocation measures; the names are those of the report. */
  enum Scenario {
    FAN_IN("fan-in-qos1-tls"),
    FAN_OUT("fan-out-qos1"),
    CONNECTS("connects"),
    IDLE("idle-footprint"),
    LATENCY("latency");

    final String id;

    Scenario(String id) {
      this.id = id;
    }

    static Scenario of(String id) {
      return Arrays.stream(values())
          .filter(s -> s.id.equals(id))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'"));
    }
  }

  static final String USAGE =
      "usage: BrokerBench fan-in-qos1-tls|fan-out-qos1|connects|idle-footprint|latency PORT"
          + " TLS_DIR [--label NAME] [--round N] [--run ID] [--target-pid PID] [--publishers N]"
          + " [--messages N] [--payload BYTES] [--window N] [--subscribers N] [--connects N]"
          + " [--concurrency N] [--connections N] [--rate MSGS_PER_S] [--seconds S]"
          + " [--warmup S] [--hold-until FILE] [--certificates N]";

  static BrokerOptions parse(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(USAGE);
    }
    Scenario scenario = Scenario.of(args[0]);
    int port = positive("PORT", args[1]);
    Path tlsDir = Path.of(args[2]);
    String label = "broker";
    int round = 1;
    String run = "0";
    OptionalLong targetPid = OptionalLong.empty();
    int publishers = 10;
    int messages = 10_000;
    int payload = 64;
    int window = 100;
    int subscribers = 1000;
    int connects = 2000;
    int concurrency = 32;
    int connections = 20_000;
    double rate = 1000;
    double seconds = 10;
    double warmup = 2;
    Optional<Path> holdUntil = Optional.empty();
    int certificates = 4;
    for (int i = 3; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (option) {
        case "--label" -> label = value;
        case "--round" -> round = atLeast(option, value, 0);
        case "--run" -> run = value;
        case "--target-pid" -> targetPid = OptionalLong.of(positive(option, value));
        case "--publishers" -> publishers = positive(option, value);
        case "--messages" -> messages = positive(option, value);
        case "--payload" -> payload = atLeast(option, value, 8);
        case "--window" -> window = positive(option, value);
        case "--subscribers" -> subscribers = positive(option, value);
        case "--connects" -> connects = positive(option, value);
        case "--concurrency" -> concurrency = positive(option, value);
        case "--connections" -> connections = positive(option, value);
        case "--rate" -> rate = positiveDecimal(option, value);
        case "--seconds" -> seconds = positiveDecimal(option, value);
        case "--warmup" -> warmup = nonNegativeDecimal(option, value);
        case "--hold-until" -> holdUntil = Optional.of(Path.of(value));
        case "--certificates" -> certificates = positive(option, value);
        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
      }
    }
    return new BrokerOptions(
        scenario,
        port,
        tlsDir,
        label,
        round,
        run,
        targetPid,
        publishers,
        messages,
        payload,
        window,
        subscribers,
        connects,
        concurrency,
        connections,
        rate,
        seconds,
        warmup,
        holdUntil,
        certificates);
  }

  private static int positive(String name, String value) {
    return atLeast(name, value, 1);
  }

  private static int atLeast(String name, String value, int least) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= least) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number of at least " + least);
  }

  private static double nonNegativeDecimal(String name, String value) {
    return value.equals("0") ? 0 : positiveDecimal(name, value);
  }

  private static double positiveDecimal(String name, String value) {
    try {
      double parsed = Double.parseDouble(value);
      if (parsed > 0 && Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive number");
  }
}
