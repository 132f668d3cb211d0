package dev.lamplighter.bench.report;

import static dev.lamplighter.bench.report.GroupsReport.format;

import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prints the report of a {@code bench/run jobs} run from its raw lines. Usage: {@code JobsReport
 * RAW_FILE}.
 *
 * <p>One line per figure, each with its peer measured in the same run and the ratio to it; then the
 * setup the figures needed (not measured), every device job and peer round, and the targets of the
 * issue, each row ending in {@code yes} or {@code NO} (a target that could not be measured is not
 * met):
 *
 * <ul>
 *   <li>a snapshot job to 100,000 things: every execution within 10 s on SQLite;
 *   <li>2,000 connected devices: at least 10,000 notify-next notifications per second, judged on
 *       the median of the measured jobs (the warm-up job is shown, not judged);
 *   <li>a rollout at {@code maximumPerMinute}: the measured rate within 5 % of it.
 * </ul>
 *
 * <p>A job that did not finish, a device that was refused, a peer that lost messages and failed
 * seeding requests head the report as {@code ERROR:} lines.
 */
public final class JobsReport {
  static final String BENCH = "bench";

  static final Goal SNAPSHOT_SECONDS =
      new Goal("Snapshot job, every execution", false, 10, v -> format(v, 2) + " s");
  static final Goal NOTIFICATIONS =
      new Goal("Job notifications over MQTT", true, 10_000, v -> format(v, 0) + "/s");
  static final double ROLLOUT_TOLERANCE_PERCENT = 5;

  private JobsReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: JobsReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter jobs benchmark"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    List<String> errors = errors(file);
    if (!errors.isEmpty()) {
      out.add("");
      out.addAll(errors);
    }
    out.add("");
    TextTable figures = new TextTable(2, "figure", "measured");
    figures.row("snapshot job", snapshotFigure(file));
    figures.row("mqtt devices", devicesFigure(file));
    figures.row("rollout", rolloutFigure(file));
    out.addAll(figures.lines());
    out.add("");
    out.add("Setup of the figures (not measured)");
    out.addAll(setup(file).lines());
    out.add("");
    out.add(
        "Device jobs: CreateJob to every device's group, then DescribeJob every 100 ms until"
            + " COMPLETED; times from the CreateJob call");
    out.addAll(deviceJobs(file).lines());
    out.add("");
    out.add(
        "Peers: the server's broker delivering one QoS 1 message"
            + file.last("peer").map(p -> " of " + p.text("payload_bytes") + " bytes").orElse("")
            + " to each device, from an MQTT publisher of its own");
    out.addAll(peers(file).lines());
    out.add("");
    out.addAll(targets(file).lines());
    out.add("");
    notes(file, out);
    return out;
  }

  // ---- figures -------------------------------------------------------------------------------

  private static String snapshotFigure(ResultFile file) {
    Optional<ResultRecord> snapshot = file.last("snapshot");
    if (snapshot.isEmpty()) {
      return "not run";
    }
    ResultRecord s = snapshot.get();
    double seconds = s.number("all_ms") / 1000;
    StringBuilder line = new StringBuilder();
    if ("yes".equals(s.text("complete"))) {
      line.append(count(s.number("things")))
          .append(" things: every execution after ")
          .append(format(seconds, 2))
          .append(" s (")
          .append(count(s.number("things") / seconds))
          .append(" executions/s; the first after ")
          .append(format(s.number("first_ms") / 1000, 2))
          .append(" s)");
    } else {
      line.append(count(s.number("executions")))
          .append(" of ")
          .append(count(s.number("things")))
          .append(" executions, then no progress: incomplete");
    }
    file.last("raw")
        .ifPresent(
            raw ->
                line.append("; peer, the same rows inserted into the same SQLite file: ")
                    .append(format(raw.number("seconds"), 2))
                    .append(" s (")
                    .append(count(raw.number("rows_per_s")))
                    .append(" rows/s); the job took ")
                    .append(ratio(seconds / raw.number("seconds")))
                    .append(" the peer's time"));
    return line.toString();
  }

  private static String devicesFigure(ResultFile file) {
    List<ResultRecord> jobs = measuredJobs(file);
    if (jobs.isEmpty()) {
      return "not run";
    }
    double notifications = notificationsPerSecond(file);
    double fanOut = peerRate(file, "fan-out");
    double perDevice = peerRate(file, "per-device");
    return count(jobs.get(0).number("devices"))
        + " devices: "
        + rate(notifications)
        + " notifications/s, "
        + rate(median(jobs, "updates_per_s"))
        + " updates/s, COMPLETED after "
        + format(median(jobs, "completed_ms") / 1000, 2)
        + " s (medians of "
        + complete(jobs).size()
        + " jobs); peer, fan-out: "
        + rate(fanOut)
        + " deliveries/s, the notifications "
        + ratio(notifications / fanOut)
        + " of it (per-device topics: "
        + rate(perDevice)
        + "/s, "
        + ratio(notifications / perDevice)
        + ")";
  }

  private static String rolloutFigure(ResultFile file) {
    return file.last("rollout")
        .map(
            r ->
                "maximumPerMinute "
                    + count(r.number("rate_per_min"))
                    + ", "
                    + count(r.number("things"))
                    + " things: "
                    + format(r.number("fit_per_min"), 1)
                    + "/min measured ("
                    + signed(r.number("error_pct"))
                    + " %; least squares over "
                    + r.text("used")
                    + " samples, one a second for "
                    + r.text("seconds")
                    + " s; endpoints "
                    + format(r.number("endpoint_per_min"), 1)
                    + "/min)")
        .orElse("not run");
  }

  // ---- tables --------------------------------------------------------------------------------

  private static TextTable setup(ResultFile file) {
    TextTable table = new TextTable(2, "step", "what");
    for (String label : List.of("snapshot", "rollout")) {
      Optional<ResultRecord> things = batch(file, label, "CreateThing");
      Optional<ResultRecord> members = batch(file, label, "AddThingToThingGroup");
      if (things.isPresent() && members.isPresent()) {
        double seconds = things.get().number("seconds") + members.get().number("seconds");
        table.row(
            "seeding, " + label,
            count(things.get().number("requests"))
                + " CreateThing in "
                + format(things.get().number("seconds"), 1)
                + " s ("
                + count(things.get().number("rps"))
                + "/s), then as many AddThingToThingGroup in "
                + format(members.get().number("seconds"), 1)
                + " s ("
                + count(members.get().number("rps"))
                + "/s), "
                + things.get().text("concurrency")
                + " workers: "
                + format(seconds * 1000 / things.get().number("requests"), 3)
                + " ms of wall time per thing");
      }
    }
    file.last("device-setup")
        .ifPresent(
            s ->
                table.row(
                    "devices",
                    count(s.number("devices"))
                        + " things, each with its own P-256 certificate (CreateCertificateFromCsr,"
                        + " 5 API calls per device, "
                        + s.text("workers")
                        + " devices at once) in "
                        + format(s.number("register_ms") / 1000, 1)
                        + " s; connected over mutual TLS in "
                        + format(s.number("connect_ms") / 1000, 1)
                        + " s (CONNACK p50 "
                        + format(s.number("connect_p50_ms"), 0)
                        + " ms, p99 "
                        + format(s.number("connect_p99_ms"), 0)
                        + " ms), "
                        + s.text("subscriptions_per_device")
                        + " subscriptions each in "
                        + format(s.number("subscribe_ms") / 1000, 1)
                        + " s"));
    return table;
  }

  private static TextTable deviceJobs(ResultFile file) {
    TextTable table =
        new TextTable(
            1,
            "job",
            "notified",
            "first ms",
            "last ms",
            "notify/s",
            "updated",
            "last update ms",
            "updates/s",
            "COMPLETED ms",
            "rejected",
            "server CPU s",
            "cores: loadgen",
            "server",
            "others");
    for (ResultRecord job : file.all("devjob")) {
      table.row(
          job.text("round") + ("warm-up".equals(job.text("label")) ? " (warm-up)" : ""),
          count(job.number("notified")),
          format(job.number("first_notify_ms"), 0),
          format(job.number("last_notify_ms"), 0),
          count(job.number("notifications_per_s")),
          count(job.number("updated")),
          format(job.number("last_update_ms"), 0),
          count(job.number("updates_per_s")),
          format(job.number("completed_ms"), 0),
          count(job.number("rejected")),
          format(job.number("target_cpu_s"), 2),
          format(job.number("cores_loadgen"), 2),
          format(job.number("cores_target"), 2),
          format(job.number("cores_others"), 2));
    }
    return table;
  }

  private static TextTable peers(ResultFile file) {
    TextTable table =
        new TextTable(
            2,
            "peer",
            "round",
            "published",
            "received",
            "last ms",
            "deliveries/s",
            "server CPU s",
            "cores: loadgen",
            "server",
            "others");
    for (ResultRecord peer : file.all("peer")) {
      table.row(
          peer.text("kind"),
          peer.text("round") + ("warm-up".equals(peer.text("label")) ? " (warm-up)" : ""),
          count(peer.number("published")),
          count(peer.number("received")),
          format(peer.number("last_ms"), 1),
          count(peer.number("deliveries_per_s")),
          format(peer.number("target_cpu_s"), 2),
          format(peer.number("cores_loadgen"), 2),
          format(peer.number("cores_target"), 2),
          format(peer.number("cores_others"), 2));
    }
    return table;
  }

  private static TextTable targets(ResultFile file) {
    TextTable table = new TextTable(1, "target", "measured", "goal", "met");
    Optional<ResultRecord> snapshot = file.last("snapshot");
    table.row(
        judged(
            SNAPSHOT_SECONDS,
            snapshot.map(s -> "Snapshot job to " + count(s.number("things")) + " things on SQLite"),
            snapshot
                .filter(s -> "yes".equals(s.text("complete")))
                .map(s -> s.number("all_ms") / 1000)
                .orElse(Double.NaN)));
    List<ResultRecord> jobs = measuredJobs(file);
    table.row(
        judged(
            NOTIFICATIONS,
            jobs.stream()
                .findFirst()
                .map(
                    j -> "Job notifications over MQTT, " + count(j.number("devices")) + " devices"),
            notificationsPerSecond(file)));
    Optional<ResultRecord> rollout = file.last("rollout");
    double error = rollout.map(r -> r.number("error_pct")).orElse(Double.NaN);
    table.row(
        rollout
            .map(r -> "Rollout rate, maximumPerMinute " + count(r.number("rate_per_min")))
            .orElse("Rollout rate"),
        Double.isNaN(error)
            ? "-"
            : format(rollout.get().number("fit_per_min"), 1) + "/min (" + signed(error) + " %)",
        "within " + format(ROLLOUT_TOLERANCE_PERCENT, 0) + " %",
        !Double.isNaN(error) && Math.abs(error) <= ROLLOUT_TOLERANCE_PERCENT ? "yes" : "NO");
    return table;
  }

  /** A goal's cells under {@code name}; not measured is not met. */
  private static String[] judged(Goal goal, Optional<String> name, double measured) {
    String[] cells = goal.cells(measured);
    cells[0] = name.orElse(goal.name());
    if (Double.isNaN(measured)) {
      cells[3] = "NO";
    }
    return cells;
  }

  // ---- checks and notes ----------------------------------------------------------------------

  /** One line per job that did not finish, peer round that lost messages, failed request. */
  static List<String> errors(ResultFile file) {
    List<String> errors = new ArrayList<>();
    file.last("snapshot")
        .filter(s -> !"yes".equals(s.text("complete")))
        .ifPresent(
            s ->
                errors.add(
                    "ERROR: the snapshot job has "
                        + count(s.number("executions"))
                        + " of "
                        + count(s.number("things"))
                        + " executions; the count stopped growing."));
    for (ResultRecord job : file.all("devjob")) {
      if (!"yes".equals(job.text("complete"))) {
        errors.add(
            "ERROR: device job "
                + job.text("job")
                + " did not complete: "
                + count(job.number("notified"))
                + " notified, "
                + count(job.number("updated"))
                + " updates accepted, "
                + count(job.number("succeeded"))
                + " SUCCEEDED of "
                + count(job.number("devices"))
                + "; "
                + count(job.number("rejected"))
                + " rejected (first: "
                + Optional.ofNullable(job.text("first_rejection")).orElse("none")
                + ").");
      } else if (job.number("rejected") > 0 || job.number("publish_errors") > 0) {
        errors.add(
            "ERROR: device job "
                + job.text("job")
                + " completed with "
                + count(job.number("rejected"))
                + " rejected replies and "
                + count(job.number("publish_errors"))
                + " failed publishes (first: "
                + job.text("first_rejection")
                + ").");
      }
    }
    for (ResultRecord peer : file.all("peer")) {
      if (!"yes".equals(peer.text("complete"))) {
        errors.add(
            "ERROR: peer "
                + peer.text("kind")
                + " round "
                + peer.text("round")
                + " delivered "
                + count(peer.number("received"))
                + " of "
                + count(peer.number("devices"))
                + " messages.");
      }
    }
    for (ResultRecord batch : file.all("batch")) {
      if (batch.number("errors") > 0) {
        errors.add(
            "ERROR: seeding "
                + batch.text("label")
                + " "
                + batch.text("operation")
                + " answered "
                + batch.text("error_statuses")
                + " (status:count, 0 = transport error).");
      }
    }
    return errors;
  }

  private static void notes(ResultFile file, List<String> out) {
    out.add(
        "Snapshot peer: after the server stopped, one QUEUED execution per thing inserted directly"
            + " into its lamplighter.db (the server's job_executions table and indexes, WAL,"
            + " synchronous=NORMAL, 1,000 rows per transaction): the floor for any way of creating"
            + " the executions. The server also resolves the group, holds the rows back and releases"
            + " them, and logs a change per execution for the notifications.");
    out.add(
        "Device peers: fan-out is one message the broker copies to every device, per-device one"
            + " message to each device's own topic; the job's notify-next is one message per device"
            + " too, published by the server after reading the device's next execution.");
    out.add(
        "Notifications/s: notify-next messages naming the job over the time from the CreateJob"
            + " call to the last of them; updates/s likewise for update/accepted replies. COMPLETED"
            + " is seen by polling every 100 ms.");
    file.last("startup")
        .ifPresent(
            s ->
                out.add(
                    "Start to ready: "
                        + count(s.number("ready_wall_ms"))
                        + " ms (the server's own log: "
                        + count(s.number("ready_logged_ms"))
                        + " ms)."));
    file.last("snapshot-samples")
        .map(s -> s.text("values"))
        .ifPresent(v -> out.add("Snapshot count over time (ms:executions): " + abbreviate(v, 40)));
    file.last("rollout-samples")
        .map(s -> s.text("values"))
        .ifPresent(v -> out.add("Rollout samples (ms:executions): " + abbreviate(v, 12)));
  }

  // ---- values --------------------------------------------------------------------------------

  private static List<ResultRecord> measuredJobs(ResultFile file) {
    return file.all("devjob").stream().filter(j -> BENCH.equals(j.text("label"))).toList();
  }

  private static List<ResultRecord> complete(List<ResultRecord> records) {
    return records.stream().filter(r -> "yes".equals(r.text("complete"))).toList();
  }

  /** The median notifications/s of the measured jobs that completed; NaN when none did. */
  static double notificationsPerSecond(ResultFile file) {
    return median(measuredJobs(file), "notifications_per_s");
  }

  /** The median deliveries/s of a peer's measured rounds that delivered everything. */
  static double peerRate(ResultFile file, String kind) {
    return median(
        file.all("peer").stream()
            .filter(p -> kind.equals(p.text("kind")) && BENCH.equals(p.text("label")))
            .toList(),
        "deliveries_per_s");
  }

  /** The median of a value over the complete records; NaN when there is none. */
  static double median(List<ResultRecord> records, String key) {
    double[] values =
        complete(records).stream()
            .mapToDouble(r -> r.number(key))
            .filter(v -> !Double.isNaN(v))
            .sorted()
            .toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static Optional<ResultRecord> batch(ResultFile file, String label, String operation) {
    return file.last(
        "batch", r -> label.equals(r.text("label")) && operation.equals(r.text("operation")));
  }

  private static String abbreviate(String values, int keep) {
    List<String> all = Arrays.asList(values.split(","));
    if (all.size() <= keep) {
      return String.join(" ", all);
    }
    return String.join(" ", all.subList(0, keep)) + " … " + all.get(all.size() - 1);
  }

  private static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "-" : format(value, 2) + "x";
  }

  private static String rate(double value) {
    return count(value);
  }

  private static String signed(double value) {
    return Double.isNaN(value) ? "-" : (value >= 0 ? "+" : "") + format(value, 2);
  }

  private static String count(double value) {
    return format(value, 0);
  }
}
