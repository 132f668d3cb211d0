package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.groups.RawLine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Figure 3, rollout accuracy: a job to {@code count} things of a static group with {@code
 * jobExecutionsRolloutConfig.maximumPerMinute}, whose execution count DescribeJob is asked for once
 * a second for {@code seconds}; {@link RateFit} turns the samples into the measured rate. No device
 * takes these executions, so each stays QUEUED. The job is canceled afterwards, so that the engine
 * stops rolling it out before the next step.
 */
final class RolloutProbe {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutProbe.class);

  private final IotClient iot;
  private final Seeder seeder;

  RolloutProbe(IotClient iot, Seeder seeder) {
    this.iot = iot;
    this.seeder = seeder;
  }

  /** The seeding's batch lines, then {@code rollout …} and {@code rollout-samples …}. */
  List<String> run(int things, int perMinute, int seconds) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    LOG.info("rollout: seeding {} things into {}", things, JobsNames.ROLLOUT_GROUP);
    lines.addAll(seeder.seed("rollout", JobsNames.ROLLOUT_GROUP, things, JobsNames::rolloutThing));
    LOG.info(
        "rollout: a job to {} things at {} per minute, sampled every second for {} s",
        things,
        perMinute,
        seconds);
    long origin = System.nanoTime();
    iot.createJob(
        b ->
            b.jobId(JobsNames.ROLLOUT_JOB)
                .targets(JobsNames.thingGroupArn(JobsNames.ROLLOUT_GROUP))
                .document(JobsNames.DOCUMENT)
                .jobExecutionsRolloutConfig(r -> r.maximumPerMinute(perMinute)));
    List<RateFit.Sample> samples = new ArrayList<>();
    for (int k = 0; k <= seconds; k++) {
      long due = origin + TimeUnit.SECONDS.toNanos(k);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long sent = System.nanoTime();
      long count = ControlPlane.executions(iot.describeJob(b -> b.jobId(JobsNames.ROLLOUT_JOB)));
      long answered = System.nanoTime();
      // The count is of some moment during the request; its middle is the best guess.
      samples.add(
          new RateFit.Sample((sent + answered) / 2 / 1_000_000 - origin / 1_000_000, count));
    }
    iot.cancelJob(b -> b.jobId(JobsNames.ROLLOUT_JOB));
    RateFit.Fit fit = RateFit.fit(samples, things);
    long firstMillis =
        samples.stream()
            .filter(s -> s.count() > 0)
            .mapToLong(RateFit.Sample::millis)
            .min()
            .orElse(-1);
    RateFit.Sample last = samples.get(samples.size() - 1);
    lines.add(
        new RawLine("rollout")
            .put("things", things)
            .put("rate_per_min", perMinute)
            .put("seconds", seconds)
            .put("samples", samples.size())
            .put("used", fit.used())
            .number("fit_per_min", fit.perMinute(), 2)
            .number("endpoint_per_min", fit.endpointPerMinute(), 2)
            .number("error_pct", fit.errorPercent(perMinute), 2)
            .put("first_ms", firstMillis < 0 ? null : firstMillis)
            .put("final_count", last.count())
            .toString());
    lines.add(
        new RawLine("rollout-samples")
            .put(
                "values",
                samples.stream()
                    .map(s -> s.millis() + ":" + s.count())
                    .collect(Collectors.joining(",")))
            .toString());
    return lines;
  }
}
