package dev.lamplighter.bench.index;

import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.groups.SignedClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a server that starts without its index rebuild it from the store: polls DescribeIndex
 * until AWS_Things is ACTIVE, then GetStatistics until the index counts every thing of the plan.
 * Times are from the server's launch, which the script passes in.
 */
final class IndexBuildWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(IndexBuildWatcher.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GIVE_UP = Duration.ofMinutes(20);

  private final SignedClient client;
  private final FleetPlan plan;

  IndexBuildWatcher(SignedClient client, FleetPlan plan) {
    this.client = client;
    this.plan = plan;
  }

  /** The line {@code build things=… active_ms=… complete_ms=… things_per_s=…}. */
  String watch(long launchedEpochMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + GIVE_UP.toMillis();
    long activeAt = -1;
    long completeAt = -1;
    long counted = -1;
    String lastStatus = null;
    while (System.currentTimeMillis() < deadline) {
      if (activeAt < 0) {
        SignedClient.Answer answer = client.send(IndexRequests.describeIndex());
        String status =
            answer.ok()
                ? Json.read(answer.body()).path("indexStatus").asText()
                : "" + answer.status();
        if (!status.equals(lastStatus)) {
          LOG.info("AWS_Things is {}", status);
          lastStatus = status;
        }
        if ("ACTIVE".equals(status)) {
          activeAt = System.currentTimeMillis();
        }
      }
      if (activeAt >= 0) {
        counted = count();
        if (counted == plan.things()) {
          completeAt = System.currentTimeMillis();
          break;
        }
      }
      Thread.sleep(POLL.toMillis());
    }
    if (completeAt < 0) {
      LOG.error(
          "ERROR: the index counted {} of {} things after {}", counted, plan.things(), GIVE_UP);
    }
    double seconds = (completeAt - launchedEpochMillis) / 1000.0;
    return new RawLine("build")
        .put("things", plan.things())
        .put("counted", counted)
        .put("active_ms", activeAt < 0 ? null : activeAt - launchedEpochMillis)
        .put("complete_ms", completeAt < 0 ? null : completeAt - launchedEpochMillis)
        .number("things_per_s", completeAt < 0 ? Double.NaN : plan.things() / seconds, 0)
        .toString();
  }

  /** Things the index holds (every thing has a wattage); -1 while it cannot answer. */
  long count() throws InterruptedException {
    SignedClient.Answer answer =
        client.send(IndexRequests.statistics("attributes.wattage:*", "attributes.wattage"));
    return answer.ok() ? Json.read(answer.body()).path("statistics").path("count").asLong(-1) : -1;
  }
}
