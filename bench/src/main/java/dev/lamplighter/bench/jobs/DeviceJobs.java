package dev.lamplighter.bench.jobs;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.load.MachineCpu;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.JobStatus;

/**
 * Figure 2 and its peers, on a connected {@link DeviceFleet}.
 *
 * <ol>
 *   <li>Warm-up jobs to every device (the first rounds), measured like the others and reported
 *       apart, so that the measured jobs do not run on a cold server: the JIT compiler keeps
 *       compiling the device path over the first few jobs.
 *   <li>The peers, each one unreported round and then {@code rounds} measured: <b>fan-out</b>, one
 *       QoS 1 message the publisher sends to the topic every device subscribes to, which the broker
 *       delivers to each device; <b>per-device</b>, one QoS 1 message to each device's own topic
 *       (at most 100 awaiting PUBACK). The payload is as long as the first warm-up's average
 *       notify-next. Rate: deliveries over the time from the first publish to the last delivery.
 *   <li>{@code rounds} measured jobs: CreateJob targeting the devices' group, then DescribeJob
 *       every 100 ms until the job is COMPLETED. Notifications/s are the notify-next messages with
 *       the job's execution, over the time from the CreateJob call to the last of them; updates/s
 *       the update/accepted replies over the time to the last of them.
 * </ol>
 */
final class DeviceJobs {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceJobs.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int PUBLISH_WINDOW = 100;

  private final IotClient iot;
  private final DeviceFleet fleet;
  private final JobBoard board;
  private final OptionalLong targetPid;

  DeviceJobs(IotClient iot, DeviceFleet fleet, JobBoard board, OptionalLong targetPid) {
    this.iot = iot;
    this.fleet = fleet;
    this.board = board;
    this.targetPid = targetPid;
  }

  /** The job ids of {@code jobs} jobs, warm-ups first. */
  static List<String> jobIds(int jobs) {
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < jobs; round++) {
      ids.add(JobsNames.deviceJob(round));
    }
    return ids;
  }

  /**
   * Every result line: {@code devjob}s of the warm-ups, {@code peer}s, then measured {@code
   * devjob}s.
   */
  List<String> run(int warmUps, int rounds) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    JobRound warmUp = null;
    for (int round = 0; round < warmUps; round++) {
      LOG.info("devices: warm-up job {} of {}", round + 1, warmUps);
      JobRound done = job(round, true, lines);
      warmUp = warmUp == null ? done : warmUp;
    }
    long bytes =
        warmUp.notified.sum() == 0 ? 300 : warmUp.notifyBytes.sum() / warmUp.notified.sum();
    int payload = (int) Math.max(16, bytes);
    for (int round = 0; round <= rounds; round++) {
      lines.add(fanOut(round, payload));
    }
    for (int round = 0; round <= rounds; round++) {
      lines.add(perDevice(round, payload));
    }
    for (int round = 1; round <= rounds; round++) {
      LOG.info("devices: job {} of {}", round, rounds);
      job(warmUps + round - 1, false, lines);
    }
    return lines;
  }

  private JobRound job(int round, boolean warmingUp, List<String> lines)
      throws InterruptedException {
    int devices = fleet.devices().size();
    String jobId = JobsNames.deviceJob(round);
    JobRound seen = board.begin(jobId);
    Usage usage = Usage.start(targetPid);
    long origin = System.nanoTime();
    iot.createJob(
        b ->
            b.jobId(jobId)
                .targets(JobsNames.thingGroupArn(JobsNames.DEVICE_GROUP))
                .document(JobsNames.DOCUMENT));
    long createNanos = System.nanoTime() - origin;
    DescribeJobResponse described = null;
    long completedAt = -1;
    long lastProgress = System.nanoTime();
    long progress = -1;
    for (long k = 1; ; k++) {
      long wait = origin + k * POLL_NANOS - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      described = iot.describeJob(b -> b.jobId(jobId));
      long now = System.nanoTime();
      if (described.job().status() == JobStatus.COMPLETED) {
        completedAt = now;
        break;
      }
      long moved =
          seen.notified.sum()
              + seen.started.sum()
              + seen.updated.sum()
              + ControlPlane.executions(described);
      if (moved != progress) {
        progress = moved;
        lastProgress = now;
      } else if (now - lastProgress > STALL_NANOS) {
        LOG.warn("devices: job {} made no progress for 60 s; giving up", jobId);
        break;
      }
    }
    // Replies may trail the completion by a moment.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (seen.updated.sum() < devices && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Usage.Result used = usage.stop();
    long notified = seen.notified.sum();
    long updated = seen.updated.sum();
    long succeeded =
        described == null
            ? 0
            : ControlPlane.zero(described.job().jobProcessDetails().numberOfSucceededThings());
    boolean complete = completedAt > 0 && notified == devices && succeeded == devices;
    double notifySeconds = seconds(origin, seen.lastNotified.get());
    double updateSeconds = seconds(origin, seen.lastUpdated.get());
    lines.add(
        new RawLine("devjob")
            .put("round", round)
            .put("label", warmingUp ? "warm-up" : "bench")
            .put("job", jobId)
            .put("devices", devices)
            .put("notified", notified)
            .put("duplicates", seen.duplicateNotifications.sum())
            .put("started", seen.started.sum())
            .put("updated", updated)
            .put("succeeded", succeeded)
            .put("rejected", seen.rejected.sum())
            .put("publish_errors", seen.publishErrors.sum())
            .put("complete", complete ? "yes" : "no")
            .number("create_ms", createNanos / 1e6, 1)
            .number("first_notify_ms", millis(origin, seen.firstNotified.get()), 1)
            .number("last_notify_ms", notifySeconds * 1000, 1)
            .number("notifications_per_s", notified / notifySeconds, 0)
            .number("last_update_ms", updateSeconds * 1000, 1)
            .number("updates_per_s", updated / updateSeconds, 0)
            .number("completed_ms", completedAt < 0 ? Double.NaN : (completedAt - origin) / 1e6, 0)
            .put("notify_bytes", notified == 0 ? null : seen.notifyBytes.sum() / notified)
            .number("target_cpu_s", used.targetSeconds(), 2)
            .number("cores_loadgen", used.selfCores(), 2)
            .number("cores_target", used.targetCores(), 2)
            .number("cores_others", used.otherCores(), 2)
            .put("first_rejection", seen.firstRejection.get())
            .toString());
    LOG.info("devices: {}", lines.get(lines.size() - 1));
    return seen;
  }

  /** One QoS 1 message to the topic every device subscribes to. */
  private String fanOut(int round, int payload) throws InterruptedException {
    Deliveries peer = board.peer();
    peer.reset();
    int devices = fleet.devices().size();
    Usage usage = Usage.start(targetPid);
    long origin = System.nanoTime();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    Semaphore window = new Semaphore(PUBLISH_WINDOW);
    window.acquire();
    publish(fleet.backend(), JobsNames.FAN_OUT_TOPIC, body(payload), window, errors, firstError);
    boolean complete = await(peer, devices);
    return peerLine(
        "fan-out", round, devices, 1, payload, origin, complete, errors, firstError, usage);
  }

  /** One QoS 1 message to each device's own topic, at most 100 awaiting PUBACK. */
  private String perDevice(int round, int payload) throws InterruptedException {
    Deliveries peer = board.peer();
    peer.reset();
    int devices = fleet.devices().size();
    Usage usage = Usage.start(targetPid);
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    Semaphore window = new Semaphore(PUBLISH_WINDOW);
    byte[] body = body(payload);
    long origin = System.nanoTime();
    for (int i = 0; i < devices; i++) {
      window.acquire();
      publish(
          fleet.backend(),
          JobsNames.deviceTopic(JobsNames.device(i)),
          body,
          window,
          errors,
          firstError);
    }
    boolean complete = await(peer, devices);
    return peerLine(
        "per-device",
        round,
        devices,
        devices,
        payload,
        origin,
        complete,
        errors,
        firstError,
        usage);
  }

  private String peerLine(
      String kind,
      int round,
      int devices,
      int published,
      int payload,
      long origin,
      boolean complete,
      AtomicLong errors,
      AtomicReference<String> firstError,
      Usage usage) {
    Deliveries peer = board.peer();
    Usage.Result used = usage.stop();
    long received = peer.count();
    double seconds = seconds(origin, peer.last());
    String line =
        new RawLine("peer")
            .put("kind", kind)
            .put("round", round)
            .put("label", round == 0 ? "warm-up" : "bench")
            .put("devices", devices)
            .put("published", published)
            .put("payload_bytes", payload)
            .put("received", received)
            .put("complete", complete && received == devices ? "yes" : "no")
            .put("errors", errors.get())
            .number("last_ms", seconds * 1000, 1)
            .number("deliveries_per_s", received / seconds, 0)
            .number("target_cpu_s", used.targetSeconds(), 2)
            .number("cores_loadgen", used.selfCores(), 2)
            .number("cores_target", used.targetCores(), 2)
            .number("cores_others", used.otherCores(), 2)
            .put("first_error", firstError.get())
            .toString();
    LOG.info("devices: {}", line);
    return line;
  }

  private static void publish(
      Mqtt3AsyncClient client,
      String topic,
      byte[] payload,
      Semaphore window,
      AtomicLong errors,
      AtomicReference<String> firstError) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload)
        .send()
        .whenComplete(
            (ack, error) -> {
              window.release();
              if (error != null) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, String.valueOf(error));
              }
            });
  }

  /** A JSON-looking payload of {@code bytes} bytes. */
  static byte[] body(int bytes) {
    byte[] body = new byte[bytes];
    Arrays.fill(body, (byte) 'x');
    byte[] head = "{\"peer\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, Math.min(head.length, bytes));
    if (bytes > head.length + 2) {
      body[bytes - 2] = '"';
      body[bytes - 1] = '}';
    }
    return body;
  }

  /** Waits until {@code expected} deliveries arrived, or none for 15 s. */
  private static boolean await(Deliveries peer, long expected) throws InterruptedException {
    long seen = peer.count();
    long lastProgress = System.nanoTime();
    while (seen < expected) {
      Thread.sleep(2);
      long now = peer.count();
      if (now != seen) {
        seen = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(15)) {
        return false;
      }
    }
    return true;
  }

  private static double seconds(long origin, long at) {
    return at == Long.MIN_VALUE || at <= origin ? Double.NaN : (at - origin) / 1e9;
  }

  private static double millis(long origin, long at) {
    return at == Long.MAX_VALUE || at == Long.MIN_VALUE ? Double.NaN : (at - origin) / 1e6;
  }

  /** CPU used by this process, the server and the machine between two moments. */
  private record Usage(
      long started,
      Optional<Duration> self,
      Optional<ProcessCpu> target,
      Optional<Duration> targetBefore,
      Optional<MachineCpu.Sample> machine) {

    record Result(double targetSeconds, double selfCores, double targetCores, double otherCores) {}

    static Usage start(OptionalLong targetPid) {
      Optional<ProcessCpu> target =
          targetPid.isPresent()
              ? Optional.of(ProcessCpu.of(targetPid.getAsLong()))
              : Optional.empty();
      return new Usage(
          System.nanoTime(),
          ProcessCpu.self().total(),
          target,
          target.flatMap(ProcessCpu::total),
          MachineCpu.sample());
    }

    Result stop() {
      double wall = (System.nanoTime() - started) / 1e9;
      double selfSeconds = difference(self, ProcessCpu.self().total());
      double targetSeconds = difference(targetBefore, target.flatMap(ProcessCpu::total));
      double busy =
          MachineCpu.busyCores(
              machine, MachineCpu.sample(), Runtime.getRuntime().availableProcessors());
      double selfCores = selfSeconds / wall;
      double targetCores = targetSeconds / wall;
      return new Result(
          targetSeconds,
          selfCores,
          targetCores,
          Math.max(0, busy - selfCores - (Double.isNaN(targetCores) ? 0 : targetCores)));
    }

    private static double difference(Optional<Duration> before, Optional<Duration> after) {
      return before.isPresent() && after.isPresent()
          ? after.get().minus(before.get()).toNanos() / 1e9
          : Double.NaN;
    }
  }
}
