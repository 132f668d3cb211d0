package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.groups.SignedClient;
import dev.lamplighter.bench.index.ApiSearch;
import dev.lamplighter.bench.index.Poller;
import dev.lamplighter.bench.load.BenchRequest;
import dev.lamplighter.bench.load.LatencyRecorder;
import dev.lamplighter.bench.load.ThingNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Update to searchable: turns on shadow indexing (UpdateIndexingConfiguration, {@code
 * thingIndexingMode=REGISTRY_AND_SHADOW}), then per sample sets {@code reported.probe} of a
 * device's classic shadow to a value nothing else has (UpdateThingShadow over HTTP) and searches
 * {@code shadow.reported.probe:<value>} every 5 ms until SearchIndex finds the thing. A sample runs
 * from sending the update to the answer that found it.
 *
 * <p>A sample not found within {@link #GIVE_UP} ends the probe: the server does not index shadows
 * (or not in time), and waiting that long for every sample would say nothing more.
 */
final class SearchableProbe {
  static final Duration GIVE_UP = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(SearchableProbe.class);
  private static final String SHADOW_INDEXING =
      "{\"thingIndexingConfiguration\":{\"thingIndexingMode\":\"REGISTRY_AND_SHADOW\"}}";

  private final SignedClient control;
  private final SignedClient data;
  private final int things;
  private String lastProblem;

  SearchableProbe(SignedClient control, SignedClient data, int things) {
    this.control = control;
    this.data = data;
    this.things = things;
  }

  /** The line {@code searchable samples=… found=… timeouts=… p50_ms=… p99_ms=…}. */
  String run(int samples) throws InterruptedException {
    RawLine line = new RawLine("searchable").put("samples", samples);
    SignedClient.Answer configured =
        control.send(new BenchRequest("POST", "/indexing/config", bytes(SHADOW_INDEXING)));
    line.put("indexing_config_status", configured.status());
    if (!configured.ok()) {
      LOG.warn(
          "UpdateIndexingConfiguration answered {}: {}", configured.status(), configured.text());
    }
    LatencyRecorder recorder = new LatencyRecorder();
    int timeouts = 0;
    String firstProblem = null;
    for (int n = 0; n < samples && timeouts == 0; n++) {
      String thing = ThingNames.seeded((int) ((long) n * 7919 % things));
      String value = "p" + UUID.randomUUID().toString().replace("-", "");
      String body = "{\"state\":{\"reported\":{\"probe\":\"" + value + "\"}}}";
      long start = System.nanoTime();
      SignedClient.Answer update =
          data.send(new BenchRequest("POST", "/things/" + thing + "/shadow", bytes(body)));
      if (!update.ok()) {
        recorder.record(update.status(), 0);
        LOG.warn("UpdateThingShadow {} answered {}: {}", thing, update.status(), update.text());
        continue;
      }
      String query = "shadow.reported.probe:" + value;
      long found = Poller.until(() -> List.of(thing).equals(names(query)), GIVE_UP);
      if (found < 0) {
        timeouts++;
        firstProblem = lastProblem == null ? "not_found" : lastProblem;
        LOG.warn(
            "{} was not searchable by {} within {}; last: {}", thing, query, GIVE_UP, firstProblem);
      } else {
        recorder.record(200, found - start);
      }
    }
    LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(recorder));
    return line.put("found", summary.successes())
        .put("timeouts", timeouts)
        .put("give_up_s", GIVE_UP.toSeconds())
        .statuses("error_statuses", summary.errorsByStatus())
        .number("p50_ms", summary.percentileMillis(50), 1)
        .number("p99_ms", summary.percentileMillis(99), 1)
        .number("max_ms", summary.percentileMillis(100), 1)
        .put("problem", firstProblem == null ? "-" : firstProblem)
        .toString();
  }

  /** The things a search finds; none when it fails, remembering why for the result line. */
  private List<String> names(String query) throws InterruptedException {
    try {
      return ApiSearch.names(control, query);
    } catch (IllegalStateException e) {
      String problem = e.getMessage().replaceAll("\\s+", "_");
      lastProblem = problem.substring(0, Math.min(problem.length(), 160));
      return List.of();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
