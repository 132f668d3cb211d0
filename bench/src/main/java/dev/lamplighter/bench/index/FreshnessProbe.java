package dev.lamplighter.bench.index;

import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.groups.SignedClient;
import dev.lamplighter.bench.load.LatencyRecorder;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Update to searchable: sets {@code attributes.probe} of a random thing to a value no thing has (an
 * undeclared attribute, so a String), then searches for it every 5 ms until SearchIndex finds the
 * thing. A sample is the time from sending the UpdateThing to the answer that found it, so it
 * includes the update itself and up to one polling interval.
 */
final class FreshnessProbe {
  private static final Logger LOG = LoggerFactory.getLogger(FreshnessProbe.class);

  private final SignedClient client;
  private final ProbeThings things;

  FreshnessProbe(SignedClient client, FleetPlan plan) {
    this.client = client;
    this.things = new ProbeThings(plan, 7);
  }

  /**
   * Search right after a write: UpdateThing sets a new {@code attributes.probe} value, then one
   * SearchIndex for it, which the server holds until its index has taken the update in. A sample is
   * the SearchIndex's latency; a search that did not find the thing is counted as missed.
   *
   * @return the line {@code read-after-write samples=… ok=… missed=… p50_ms=… p99_ms=…}
   */
  String runReadAfterWrite(int samples) throws InterruptedException {
    LatencyRecorder recorder = new LatencyRecorder();
    int missed = 0;
    for (int n = 0; n < samples; n++) {
      String thing = things.next();
      String value = UUID.randomUUID().toString().replace("-", "");
      SignedClient.Answer update = client.send(IndexRequests.setAttribute(thing, "probe", value));
      if (!update.ok()) {
        recorder.record(update.status(), 0);
        LOG.warn("UpdateThing {} answered {}: {}", thing, update.status(), update.text());
        continue;
      }
      long start = System.nanoTime();
      boolean found = List.of(thing).equals(ApiSearch.names(client, "attributes.probe:" + value));
      long took = System.nanoTime() - start;
      if (found) {
        recorder.record(200, took);
      } else {
        missed++;
        LOG.warn("{} was not found by a search right after its update", thing);
      }
    }
    LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(recorder));
    return new RawLine("read-after-write")
        .put("samples", samples)
        .put("ok", summary.successes())
        .put("missed", missed)
        .statuses("error_statuses", summary.errorsByStatus())
        .number("p50_ms", summary.percentileMillis(50), 1)
        .number("p99_ms", summary.percentileMillis(99), 1)
        .number("max_ms", summary.percentileMillis(100), 1)
        .toString();
  }

  /** The line {@code freshness samples=… p50_ms=… p99_ms=… timeouts=…}. */
  String run(int samples) throws InterruptedException {
    LatencyRecorder recorder = new LatencyRecorder();
    int timeouts = 0;
    for (int n = 0; n < samples; n++) {
      String thing = things.next();
      String value = UUID.randomUUID().toString().replace("-", "");
      long start = System.nanoTime();
      SignedClient.Answer update = client.send(IndexRequests.setAttribute(thing, "probe", value));
      if (!update.ok()) {
        recorder.record(update.status(), 0);
        LOG.warn("UpdateThing {} answered {}: {}", thing, update.status(), update.text());
        continue;
      }
      long found =
          Poller.until(
              () -> List.of(thing).equals(ApiSearch.names(client, "attributes.probe:" + value)));
      if (found < 0) {
        timeouts++;
        LOG.warn("{} was not searchable by its new probe value within {}", thing, Poller.GIVE_UP);
      } else {
        recorder.record(200, found - start);
      }
    }
    LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(recorder));
    return new RawLine("freshness")
        .put("samples", samples)
        .put("ok", summary.successes())
        .put("timeouts", timeouts)
        .statuses("error_statuses", summary.errorsByStatus())
        .put("poll_ms", Poller.INTERVAL.toMillis())
        .number("p50_ms", summary.percentileMillis(50), 1)
        .number("p99_ms", summary.percentileMillis(99), 1)
        .number("max_ms", summary.percentileMillis(100), 1)
        .toString();
  }
}
