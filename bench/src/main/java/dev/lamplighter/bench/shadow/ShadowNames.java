package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.BenchCredentials;

/** The topics and the policy of the shadow suite's devices. */
final class ShadowNames {
  static final String DEVICE_POLICY = "bench-shadow-device";

  private ShadowNames() {}

  /** Where a device asks to update its classic shadow. */
  static String update(String thing) {
    return "$aws/things/" + thing + "/shadow/update";
  }

  /** The peer's topic: the device publishes to it and receives its own message back. */
  static String echo(String thing) {
    return "bench/shadow/" + thing;
  }

  /**
   * The devices' least-privilege policy: their own shadow topics as AWS's shadow examples grant
   * them (the integration tests' {@code OWN_SHADOWS}), and the peer's topic of their own.
   */
  static String devicePolicy() {
    return """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "iot:Connect", "Resource": "ARN:client/THING"},
            {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
             "Resource": ["ARN:topic/$aws/things/THING/shadow/*", "ARN:topic/bench/shadow/THING"]},
            {"Effect": "Allow", "Action": "iot:Subscribe",
             "Resource": ["ARN:topicfilter/$aws/things/THING/shadow/*",
                          "ARN:topicfilter/bench/shadow/THING"]}
          ]
        }
        """
        .replace(
            "ARN:",
            "arn:aws:iot:" + BenchCredentials.REGION + ":" + BenchCredentials.ACCOUNT_ID + ":")
        .replace("THING", "${iot:Connection.Thing.ThingName}");
  }
}
