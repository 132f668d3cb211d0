package dev.lamplighter.bench.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns JMH's JSON result ({@code -rf json}) into the suite's raw result lines, one per benchmark:
 * {@code jmh benchmark=compiledMatching score=… error=… unit=ops/s threads=1 forks=1 …
 * alloc_bytes=…}. Usage: {@code JmhLines JMH_JSON_FILE}.
 */
public final class JmhLines {
  private JmhLines() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: JmhLines JMH_JSON_FILE");
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    for (JsonNode result : results) {
      StandardOutput.println(line(result));
    }
  }

  static String line(JsonNode result) {
    String benchmark = result.path("benchmark").asText();
    JsonNode primary = result.path("primaryMetric");
    StringBuilder line =
        new StringBuilder("jmh benchmark=")
            .append(benchmark.substring(benchmark.lastIndexOf('.') + 1))
            .append(" score=")
            .append(number(primary.path("score")))
            .append(" error=")
            .append(number(primary.path("scoreError")))
            .append(" unit=")
            .append(primary.path("scoreUnit").asText("-").replace(' ', '_'))
            .append(" mode=")
            .append(result.path("mode").asText("-"))
            .append(" threads=")
            .append(result.path("threads").asText("-"))
            .append(" forks=")
            .append(result.path("forks").asText("-"))
            .append(" warmup=")
            .append(result.path("warmupIterations").asText("-"))
            .append('x')
            .append(result.path("warmupTime").asText("-").replace(' ', '_'))
            .append(" measurement=")
            .append(result.path("measurementIterations").asText("-"))
            .append('x')
            .append(result.path("measurementTime").asText("-").replace(' ', '_'));
    for (var metric : result.path("secondaryMetrics").properties()) {
      // JMH 1.37 names the GC profiler's metrics "gc.alloc.rate.norm" (older: "·gc.alloc…").
      if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
        line.append(" alloc_bytes=").append(number(metric.getValue().path("score")));
      }
    }
    return line.toString();
  }

  private static String number(JsonNode node) {
    if (!node.isNumber()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.3f", node.asDouble());
  }
}
