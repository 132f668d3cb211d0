package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Figure 1, a snapshot job to a large static group: seeds the group (not the measured figure), then
 * times from the CreateJob call until DescribeJob's {@code numberOfQueuedThings} counts every
 * thing, asking every 100 ms. No device takes these executions, so each stays QUEUED, and no
 * rollout configuration limits the rate. Gives up when the count has not grown for two minutes.
 */
final class SnapshotProbe {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotProbe.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(2);

  private final IotClient iot;
  private final Seeder seeder;
  private final OptionalLong targetPid;

  SnapshotProbe(IotClient iot, Seeder seeder, OptionalLong targetPid) {
    this.iot = iot;
    this.seeder = seeder;
    this.targetPid = targetPid;
  }

  /** The seeding's batch lines, then {@code snapshot …} and {@code snapshot-samples …}. */
  List<String> run(int things) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    LOG.info("snapshot: seeding {} things into {}", things, JobsNames.SNAPSHOT_GROUP);
    long seedStart = System.nanoTime();
    lines.addAll(
        seeder.seed("snapshot", JobsNames.SNAPSHOT_GROUP, things, JobsNames::snapshotThing));
    long seedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - seedStart);
    LOG.info("snapshot: seeded in {} ms; creating the job", seedMillis);

    Optional<ProcessCpu> server =
        targetPid.isPresent()
            ? Optional.of(ProcessCpu.of(targetPid.getAsLong()))
            : Optional.empty();
    Optional<Duration> cpuBefore = server.flatMap(ProcessCpu::total);
    long origin = System.nanoTime();
    iot.createJob(
        b ->
            b.jobId(JobsNames.SNAPSHOT_JOB)
                .targets(JobsNames.thingGroupArn(JobsNames.SNAPSHOT_GROUP))
                .document(JobsNames.DOCUMENT));
    long createMillis = millisSince(origin);
    List<String> changes = new ArrayList<>();
    long count = 0;
    long firstMillis = -1;
    long halfMillis = -1;
    long allMillis = -1;
    long lastGrowth = System.nanoTime();
    int polls = 0;
    for (long k = 1; ; k++) {
      long wait = origin + k * POLL_NANOS - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      Integer queued =
          iot.describeJob(b -> b.jobId(JobsNames.SNAPSHOT_JOB))
              .job()
              .jobProcessDetails()
              .numberOfQueuedThings();
      long now = System.nanoTime();
      long elapsed = millisSince(origin);
      polls++;
      long seen = ControlPlane.zero(queued);
      if (seen != count) {
        count = seen;
        lastGrowth = now;
        changes.add(elapsed + ":" + count);
        if (firstMillis < 0 && count > 0) {
          firstMillis = elapsed;
        }
        if (halfMillis < 0 && count * 2 >= things) {
          halfMillis = elapsed;
        }
      }
      if (count >= things) {
        allMillis = elapsed;
        break;
      }
      if (now - lastGrowth > STALL_NANOS) {
        LOG.warn(
            "snapshot: the count stayed at {} of {} for two minutes; giving up", count, things);
        break;
      }
    }
    Optional<Duration> cpuAfter = server.flatMap(ProcessCpu::total);
    double cpuSeconds =
        cpuBefore.isPresent() && cpuAfter.isPresent()
            ? cpuAfter.get().minus(cpuBefore.get()).toMillis() / 1000.0
            : Double.NaN;
    LOG.info("snapshot: {} of {} executions after {} ms", count, things, millisSince(origin));
    lines.add(
        new RawLine("snapshot")
            .put("things", things)
            .put("executions", count)
            .put("complete", count >= things ? "yes" : "no")
            .put("seed_ms", seedMillis)
            .put("create_ms", createMillis)
            .put("first_ms", firstMillis < 0 ? null : firstMillis)
            .put("half_ms", halfMillis < 0 ? null : halfMillis)
            .put("all_ms", allMillis < 0 ? null : allMillis)
            .put("polls", polls)
            .number("target_cpu_s", cpuSeconds, 2)
            .toString());
    lines.add(new RawLine("snapshot-samples").put("values", String.join(",", changes)).toString());
    return lines;
  }

  private static long millisSince(long origin) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - origin);
  }
}
