package dev.lamplighter.bench.index;

import dev.lamplighter.bench.BenchCredentials;
import dev.lamplighter.bench.StandardOutput;
import dev.lamplighter.bench.groups.SignedClient;
import dev.lamplighter.bench.load.ProcessCpu;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of the fleet-index suite of {@code bench/run index}, against a running server or, for
 * the raw step, a stopped server's index directory; prints its result lines. See {@link
 * IndexOptions} for the command line. Exit status 2 for a wrong command line, 1 when a step could
 * not do its work.
 */
public final class IndexBench {
  private static final Logger LOG = LoggerFactory.getLogger(IndexBench.class);

  private IndexBench() {}

  public static void main(String[] args) throws InterruptedException {
    IndexOptions options;
    try {
      options = IndexOptions.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      System.exit(2);
      return;
    }
    List<String> lines;
    try {
      lines = run(options);
    } catch (IllegalStateException | IOException e) {
      LOG.error(e.getMessage());
      System.exit(1);
      return;
    }
    lines.forEach(StandardOutput::println);
  }

  private static List<String> run(IndexOptions options) throws InterruptedException, IOException {
    if (options.step() == IndexOptions.Step.RAW) {
      try (RawLuceneSearch raw =
          new RawLuceneSearch(
              Path.of(options.target()), BenchCredentials.ACCOUNT_ID, BenchCredentials.REGION)) {
        return new QueryWindow(
                raw, options.workers(), options.warmup(), options.measure(), Optional.empty())
            .run();
      }
    }
    SignedClient client = new SignedClient(URI.create(options.target()));
    FleetPlan plan = options.plan();
    return switch (options.step()) {
      case SEED -> new FleetSeeder(client, plan, options.concurrency(), options.targetPid()).seed();
      case BUILD -> List.of(new IndexBuildWatcher(client, plan).watch(options.launchedMillis()));
      case SEARCH ->
          new QueryWindow(
                  new ApiSearch(client),
                  options.workers(),
                  options.warmup(),
                  options.measure(),
                  options.targetPid().isPresent()
                      ? Optional.of(ProcessCpu.of(options.targetPid().getAsLong()))
                      : Optional.empty())
              .run();
      case FRESHNESS -> {
        FreshnessProbe probe = new FreshnessProbe(client, plan);
        yield List.of(probe.run(options.samples()), probe.runReadAfterWrite(options.samples()));
      }
      case DYNGROUPS ->
          new DynamicGroupProbe(client, plan).run(options.groups(), options.samples());
      case RAW -> throw new IllegalStateException("handled above");
    };
  }
}
