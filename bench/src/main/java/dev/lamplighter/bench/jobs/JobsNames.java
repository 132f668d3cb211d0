package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.BenchCredentials;
import java.util.Locale;

/**
 * The names the jobs suite gives things, groups and jobs. Each step has its own, so the steps run
 * one after another on one server without seeing each other's things.
 */
final class JobsNames {
  static final String ROLLOUT_GROUP = "rollout-g";
  static final String ROLLOUT_JOB = "bench-rollout";
  static final String SNAPSHOT_GROUP = "snapshot-g";
  static final String SNAPSHOT_JOB = "bench-snapshot";
  static final String DEVICE_GROUP = "devices-g";
  static final String DEVICE_POLICY = "bench-jobs-device";
  static final String BACKEND_POLICY = "bench-jobs-backend";
  static final String BACKEND_CLIENT = "bench-jobs-backend";

  /** The peers' topic every device subscribes to (fan-out). */
  static final String FAN_OUT_TOPIC = "bench/jobs/all";

  /** The job document of every job of the suite: a firmware update, as AWS's examples show it. */
  static final String DOCUMENT =
      "{\"operation\":\"firmware-update\",\"version\":\"2.1\","
          + "\"url\":\"https://firmware.example.com/lamp/2.1.bin\",\"sha256\":"
          + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}";

  private JobsNames() {}

  static String rolloutThing(int i) {
    return String.format(Locale.ROOT, "rollout-t-%05d", i);
  }

  static String snapshotThing(int i) {
    return String.format(Locale.ROOT, "snapshot-t-%06d", i);
  }

  static String device(int i) {
    return String.format(Locale.ROOT, "device-%05d", i);
  }

  /** The devices' jobs: round 0 is the warm-up. */
  static String deviceJob(int round) {
    return "bench-devices-" + round;
  }

  /** The peers' topic of one device (per-device delivery). */
  static String deviceTopic(String thing) {
    return "bench/jobs/" + thing;
  }

  static String thingGroupArn(String group) {
    return arn("thinggroup/" + group);
  }

  static String arn(String resource) {
    return "arn:aws:iot:"
        + BenchCredentials.REGION
        + ":"
        + BenchCredentials.ACCOUNT_ID
        + ":"
        + resource;
  }

  /**
   * The devices' policy: their own jobs topics as AWS's jobs examples grant them (publish, receive
   * and subscribe under {@code $aws/things/<thing>/jobs/}, connecting as the thing), and the two
   * peer topics, the fan-out topic and the device's own.
   */
  static String devicePolicy() {
    String thing = "${iot:Connection.Thing.ThingName}";
    return """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "iot:Connect", "Resource": "ARN:client/THING"},
            {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
             "Resource": "ARN:topic/$aws/things/THING/jobs/*"},
            {"Effect": "Allow", "Action": "iot:Subscribe",
             "Resource": "ARN:topicfilter/$aws/things/THING/jobs/*"},
            {"Effect": "Allow", "Action": "iot:Receive",
             "Resource": ["ARN:topic/bench/jobs/all", "ARN:topic/bench/jobs/THING"]},
            {"Effect": "Allow", "Action": "iot:Subscribe",
             "Resource": ["ARN:topicfilter/bench/jobs/all", "ARN:topicfilter/bench/jobs/THING"]}
          ]
        }
        """
        .replace("ARN:", arn(""))
        .replace("THING", thing);
  }

  /** The peers' publisher: connects as itself and publishes under {@code bench/jobs/}. */
  static String backendPolicy() {
    return """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "iot:Connect", "Resource": "ARN:client/THING"},
            {"Effect": "Allow", "Action": "iot:Publish", "Resource": "ARN:topic/bench/jobs/*"}
          ]
        }
        """
        .replace("ARN:", arn(""))
        .replace("THING", BACKEND_CLIENT);
  }
}
