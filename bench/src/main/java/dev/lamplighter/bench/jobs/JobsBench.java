package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.StepMain;
import dev.lamplighter.bench.fleet.ControlPlaneClient;
import dev.lamplighter.bench.groups.SignedClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * One step of the jobs suite; prints its result lines on standard output, diagnostics on standard
 * error. Usage: {@link JobsOptions#USAGE}.
 *
 * <ul>
 *   <li>{@code rollout}: figure 3, a job at a configured rollout rate ({@link RolloutProbe});
 *   <li>{@code devices}: figure 2, devices over MQTT taking jobs, and the broker's delivery peers
 *       ({@link DeviceFleet}, {@link DeviceJobs});
 *   <li>{@code snapshot}: figure 1, a snapshot job to a large static group ({@link SnapshotProbe});
 *   <li>{@code raw}: figure 1's peer on the stopped server's SQLite file ({@link RawInsert}).
 * </ul>
 *
 * <p>Exits 2 on a bad command line, 1 when a step cannot be carried out (its lines so far are
 * printed); a job that does not finish is reported in its result line, not by the exit status.
 */
public final class JobsBench {
  private static final Logger LOG = LoggerFactory.getLogger(JobsBench.class);

  private JobsBench() {}

  public static void main(String[] args) {
    StepMain.run(LOG, args, JobsOptions::parse, JobsOptions::step, JobsBench::run);
  }

  private static List<String> run(JobsOptions options) throws Exception {
    if (options.step() == JobsOptions.Step.RAW) {
      return List.of(RawInsert.run(Path.of(options.target()), options.count()));
    }
    URI api = URI.create(options.target());
    try (IotClient iot = ControlPlaneClient.of(api, Math.max(64, options.concurrency() * 2))) {
      Seeder seeder = new Seeder(new SignedClient(api), options.concurrency(), options.targetPid());
      return switch (options.step()) {
        case ROLLOUT ->
            new RolloutProbe(iot, seeder)
                .run(options.count(), options.ratePerMinute(), options.seconds());
        case SNAPSHOT -> new SnapshotProbe(iot, seeder, options.targetPid()).run(options.count());
        case DEVICES -> devices(iot, api, options);
        case RAW -> throw new IllegalStateException("handled above");
      };
    }
  }

  private static List<String> devices(IotClient iot, URI api, JobsOptions options)
      throws InterruptedException {
    JobBoard board = new JobBoard();
    DeviceFleet fleet =
        DeviceFleet.create(
            iot,
            api,
            options.mqttPort(),
            options.count(),
            options.concurrency(),
            DeviceJobs.jobIds(options.warmUps() + options.rounds()),
            board);
    try {
      List<String> lines = new java.util.ArrayList<>();
      lines.add(fleet.setupLine());
      lines.addAll(
          new DeviceJobs(iot, fleet, board, options.targetPid())
              .run(options.warmUps(), options.rounds()));
      return lines;
    } finally {
      fleet.close();
    }
  }
}
